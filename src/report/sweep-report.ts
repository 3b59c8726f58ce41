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
  readonly points: readonly { readonly value: number; readonly model: string; readonly mean: number; readonly runSd: number | null }[];
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
  worlds?: { folder: string; value: number; models: { name: string; figures: Record<string, { mean: number; runSd: number | null } | null> }[] }[];
}

/** The bench of `doc` (bench.json), checked to be a bench of this very sweep (its parameter, folders and values). */
export function sweepBenchOf(doc: unknown, file: string, parameter: string, worlds: readonly { folder: string; value: number }[]): SweepBench {
  const d = doc as BenchJson | null;
  if (typeof d !== "object" || d === null || d.kind !== "bench-sweep" || !Array.isArray(d.worlds) || !Array.isArray(d.models) || typeof d.metric !== "string") {
    throw new InputError(`${file}: not the bench of a sweep (expected the bench.json of 'ctar bench SWEEP --out FOLDER')`);
  }
  const same = d.parameter === parameter && d.worlds.length === worlds.length && d.worlds.every((w, i) => w.folder === worlds[i]!.folder && w.value === worlds[i]!.value);
  if (!same) throw new InputError(`${file}: a bench of another sweep (${String(d.parameter)} over ${d.worlds.map((w) => w.value).join(", ")}; this sweep: ${parameter} over ${worlds.map((w) => w.value).join(", ")})`);
  const metric = d.metric;
  const points = d.worlds.flatMap((w) => w.models.flatMap((m) => {
    const f = m.figures[metric];
    return f == null ? [] : [{ value: w.value, model: m.name, mean: f.mean, runSd: f.runSd }];
  }));
  return {
    task: String(d.task),
    metric,
    header: d.metrics?.find((m) => m.key === metric)?.header ?? metric,
    settings: (d.settings ?? {}) as Record<string, string | number>,
    models: d.models as string[],
    points,
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
  const rows: Row[] = b.points.map((p) => ({ series: p.model, x: p.value, y: p.mean, ...(p.runSd === null ? {} : { lo: p.mean - p.runSd, hi: p.mean + p.runSd }) }));
  const settings = Object.entries(b.settings).map(([k, v]) => `${k} ${v}`).join(", ");
  const spec = sweepLinesSpec(rows, { x: xTitle, y: b.header, series: "model", order: b.models, xs });
  const caption = `Task ${b.task}, metric ${b.metric}: each model's mean over runs in each world, bars ± the run-to-run sd (none with one run). Bench: ${settings}.`;
  const head = [s.parameter, ...b.models];
  const body = xs.map((x) => [String(x), ...b.models.map((m) => {
    const p = b.points.find((q) => q.value === x && q.model === m);
    return p === undefined ? "–" : `${p.mean.toFixed(4)}${p.runSd === null ? "" : ` (${p.runSd.toFixed(4)})`}`;
  })]);
  return `<section id="sweep-bench"><h2>The models against ${escapeHtml(s.parameter)}</h2>${await lines("fig-sweep-error", `${b.header} against ${s.parameter}`, caption, spec)}${table(head, body)}</section>`;
}

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
    s.worlds.map((w) => [String(w.value), w.folder, w.ratings, w.ratingGini.toFixed(3), Number.isNaN(w.meanRating) ? "–" : w.meanRating.toFixed(3), w.obsPairs, w.obsGini.toFixed(3)]),
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
<p class="note">Written by ctar ${VERSION} (CTAR, arXiv 2202.11351). One world per value of --${escapeHtml(s.parameter)}, every other option the same (sweep.json). Self-contained: nothing is loaded from the network.</p>
${parts.join("\n")}
</body></html>
`;
}
