/**
 * `ctar report SWEEP`'s page: the figure a debiasing paper wants — each method's error against
 * the strength of a bias — from a sweep (`ctar generate --sweep`) and its bench (`ctar bench SWEEP
 * --out B`, given as `--bench B`): one line per model, x = the swept option's value, ± the
 * run-to-run sd. Beside it, what the bias did to each world's data (sweep-facts.ts). One
 * self-contained HTML file, as the dataset report (report-html.ts); pure apart from the renderer.
 */
import { InputError } from "../errors/errors.js";
import { VERSION } from "../version.js";
import { type VegaLiteSpec, sweepLinesSpec } from "./chart-specs.js";
import { renderChart } from "./render-chart.js";
import { REPORT_CSS, escapeHtml, figure, table } from "./report-html.js";
import type { Row } from "./report-figures.js";
import type { SweepWorldFacts } from "./sweep-facts.js";

/** A sweep bench's figures for the chosen metric (from bench.json of `ctar bench SWEEP --out`). */
export interface SweepBench {
  readonly task: string;
  readonly metric: string;
  readonly header: string;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly models: readonly string[];
  /** Per value and model: the mean (over runs, and over the value's replicate worlds if any), the sd over those worlds, the run-to-run sd. */
  readonly points: readonly { readonly value: number; readonly model: string; readonly mean: number; readonly sd: number | null; readonly runSd: number | null }[];
  /** Replicate worlds per value (1 without replicates). */
  readonly worldsPerValue: number;
}

export interface SweepReportInput {
  /** The sweep folder's name. */
  readonly label: string;
  /** The flag swept and its help (the option table's), for the axis. */
  readonly parameter: string;
  readonly help: string;
  readonly worlds: readonly SweepWorldFacts[];
  readonly bench?: SweepBench;
}

interface BenchJson {
  kind?: unknown;
  task?: unknown;
  parameter?: unknown;
  metric?: unknown;
  settings?: unknown;
  metrics?: { key: string; header: string }[];
  models?: unknown;
  values?: { folder: string; value: number; seeds?: number[]; models: { name: string; figures: Record<string, { mean: number; sd: number | null; runSd: number | null } | null> }[] }[];
}

/** The bench of `doc` (bench.json), checked to be a bench of this very sweep (its parameter, folders and values). */
export function sweepBenchOf(doc: unknown, file: string, parameter: string, worlds: readonly { folder: string; value: number; seeds?: readonly number[] }[]): SweepBench {
  const d = doc as BenchJson | null;
  if (typeof d !== "object" || d === null || d.kind !== "bench-sweep" || !Array.isArray(d.values) || !Array.isArray(d.models) || typeof d.metric !== "string") {
    throw new InputError(`${file}: not the bench of a sweep (expected the bench.json of 'ctar bench SWEEP --out FOLDER')`);
  }
  const seeds = (s: readonly number[] | undefined) => (s ?? []).join(",");
  const same = d.parameter === parameter && d.values.length === worlds.length && d.values.every((w, i) => w.folder === worlds[i]!.folder && w.value === worlds[i]!.value && seeds(w.seeds) === seeds(worlds[i]!.seeds));
  if (!same) throw new InputError(`${file}: a bench of another sweep (${String(d.parameter)} over ${d.values.map((w) => w.value).join(", ")}; this sweep: ${parameter} over ${worlds.map((w) => w.value).join(", ")})`);
  const metric = d.metric;
  const points = d.values.flatMap((w) => w.models.flatMap((m) => {
    const f = m.figures[metric];
    return f == null ? [] : [{ value: w.value, model: m.name, mean: f.mean, sd: f.sd, runSd: f.runSd }];
  }));
  return {
    task: String(d.task),
    metric,
    header: d.metrics?.find((m) => m.key === metric)?.header ?? metric,
    settings: (d.settings ?? {}) as Record<string, string | number>,
    models: d.models as string[],
    points,
    worldsPerValue: d.values[0]?.seeds?.length ?? 1,
  };
}

async function lines(id: string, title: string, caption: string, spec: VegaLiteSpec): Promise<string> {
  return figure(id, title, caption, `<div class="chart">${await renderChart(spec, title)}</div>`);
}

async function benchSection(s: SweepReportInput, xs: readonly number[], xTitle: string): Promise<string> {
  const b = s.bench;
  if (b === undefined) {
    return `<section id="sweep-bench"><h2>Error against ${escapeHtml(s.parameter)}</h2><p class="note">No bench given: run <code>ctar bench ${escapeHtml(s.label)} --out B</code>, then <code>ctar report ${escapeHtml(s.label)} --bench B</code> to draw each model's error against ${escapeHtml(s.parameter)}.</p></section>`;
  }
  // the bars: the spread between worlds when each value has several, else the run-to-run sd
  const bar = (p: SweepBench["points"][number]) => (b.worldsPerValue > 1 ? p.sd : p.runSd);
  const rows: Row[] = b.points.map((p) => {
    const e = bar(p);
    return { series: p.model, x: p.value, y: p.mean, ...(e === null ? {} : { lo: p.mean - e, hi: p.mean + e }) };
  });
  const settings = Object.entries(b.settings).map(([k, v]) => `${k} ${v}`).join(", ");
  const spec = sweepLinesSpec(rows, { x: xTitle, y: b.header, series: "model", order: b.models, xs });
  const what = b.worldsPerValue > 1 ? `mean over the ${b.worldsPerValue} replicate worlds of each value (of each world's mean over runs), bars ± the sd over those worlds` : "mean over runs in each world, bars ± the run-to-run sd (none with one run)";
  const caption = `Task ${b.task}, metric ${b.metric}: each model's ${what}. Bench: ${settings}.`;
  const head = [s.parameter, ...b.models];
  const f4 = (x: number | null) => (x === null ? "n/a" : x.toFixed(4));
  const body = xs.map((x) => [String(x), ...b.models.map((m) => {
    const p = b.points.find((q) => q.value === x && q.model === m);
    if (p === undefined) return "–";
    return b.worldsPerValue > 1 ? `${f4(p.mean)} ± ${f4(p.sd)} (${f4(p.runSd)})` : `${f4(p.mean)} (${f4(p.runSd)})`;
  })]);
  return `<section id="sweep-bench"><h2>The models against ${escapeHtml(s.parameter)}</h2>${await lines("fig-sweep-error", `${b.header} against ${s.parameter}`, caption, spec)}${table(head, body)}</section>`;
}

/** A count, or a mean of counts over replicate worlds. */
const count = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export async function buildSweepReport(s: SweepReportInput): Promise<string> {
  const xs = s.worlds.map((w) => w.value);
  const xTitle = `--${s.parameter} (${s.help})`;
  const dataRows: Row[] = s.worlds.flatMap((w) => [
    { series: "ratings (train/rating)", x: w.value, y: w.ratingGini },
    { series: "tag pairs (train/obstag)", x: w.value, y: w.obsGini },
  ]);
  const order = ["ratings (train/rating)", "tag pairs (train/obstag)"];
  const dataSpec = sweepLinesSpec(dataRows, { x: xTitle, y: "Gini of observations per movie", series: "observations", order, xs });
  const facts = table(
    [s.parameter, "folder", "observed ratings", "their Gini", "mean observed rating", "obstag pairs", "their Gini"],
    s.worlds.map((w) => [String(w.value), w.folder + (w.worlds > 1 ? ` (mean of ${w.worlds} worlds)` : ""), count(w.ratings), w.ratingGini.toFixed(3), Number.isNaN(w.meanRating) ? "–" : w.meanRating.toFixed(3), count(w.obsPairs), w.obsGini.toFixed(3)]),
  );
  const parts = [
    await benchSection(s, xs, xTitle),
    `<section id="sweep-data"><h2>The bias in each world's data</h2>${await lines("fig-sweep-data", `Concentration of the observations against ${s.parameter}`, "Gini coefficient of the observed (user, movie) pairs per movie: 0 when every movie is observed as often, towards 1 when the observations fall on a few movies; the higher, the stronger the selection on popularity.", dataSpec)}${facts}</section>`,
  ];
  const title = `CTAR sweep report: ${s.label} (${s.parameter} over ${xs.join(", ")})`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="generator" content="ctar ${VERSION}">
<style>${REPORT_CSS}</style></head>
<body><h1>${escapeHtml(title)}</h1>
<p class="note">Written by ctar ${VERSION} (CTAR, arXiv 2202.11351). ${s.worlds[0]!.worlds > 1 ? `${s.worlds[0]!.worlds} replicate worlds (seeds) per value` : "One world per value"} of --${escapeHtml(s.parameter)}, every other option the same (sweep.json). Self-contained: nothing is loaded from the network.</p>
${parts.join("\n")}
</body></html>
`;
}
