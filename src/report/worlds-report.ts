/**
 * The page of a bench over replicate worlds (`ctar bench REPS --out B`, then `ctar report REPS
 * --bench B`): the figure Open Bandit Pipeline draws for its estimators — each model's figure in
 * every world (a dot per world) and its mean ± sd over the worlds — for one metric (the task's
 * first by default: for the `ope` task the relative estimation error, one row per policy and
 * estimator). One self-contained HTML file; pure apart from the renderer.
 */
import { ConfigError, InputError } from "../errors/errors.js";
import { VERSION } from "../version.js";
import type { VegaLiteSpec } from "./chart-specs.js";
import { renderChart } from "./render-chart.js";
import { REPORT_CSS, escapeHtml, figure, table } from "./report-html.js";

type Fig = { mean: number } | null;

/** A replicates bench's figures for one metric (from bench.json). */
export interface WorldsBench {
  readonly task: string;
  readonly metric: string;
  readonly header: string;
  readonly settings: Readonly<Record<string, string | number>>;
  readonly models: readonly string[];
  /** Per world (seed) and model: the world's mean over runs. */
  readonly points: readonly { readonly seed: number; readonly model: string; readonly value: number }[];
  /** Per model: mean and sd over the worlds (sd null with one world). */
  readonly overall: readonly { readonly model: string; readonly mean: number; readonly sd: number | null; readonly worlds: number }[];
}

interface BenchJson {
  kind?: unknown;
  task?: unknown;
  settings?: unknown;
  metrics?: { key: string; header: string }[];
  models?: unknown;
  worlds?: { folder: string; seed?: number; models: { name: string; figures: Record<string, Fig> }[] }[];
  overWorlds?: { name: string; figures: Record<string, { mean: number; sd: number | null; worlds: number } | null> }[];
}

/** The bench of `doc`, checked to be a bench of these very replicate worlds (their folders and seeds). */
export function worldsBenchOf(doc: unknown, file: string, worlds: readonly { folder: string; seed: number }[], metric: string | undefined): WorldsBench {
  const d = doc as BenchJson | null;
  if (typeof d !== "object" || d === null || d.kind !== "bench-replicates" || !Array.isArray(d.worlds) || !Array.isArray(d.overWorlds) || !Array.isArray(d.metrics) || !Array.isArray(d.models)) {
    throw new InputError(`${file}: not the bench of a replicates folder (expected the bench.json of 'ctar bench REPS --out FOLDER')`);
  }
  const same = d.worlds.length === worlds.length && d.worlds.every((w, i) => w.folder === worlds[i]!.folder && w.seed === worlds[i]!.seed);
  if (!same) throw new InputError(`${file}: a bench of other worlds (seeds ${d.worlds.map((w) => w.seed).join(", ")}; this folder: ${worlds.map((w) => w.seed).join(", ")})`);
  const key = metric ?? d.metrics[0]?.key;
  const m = d.metrics.find((x) => x.key === key);
  if (m === undefined) throw new ConfigError(`--metric: unknown metric '${String(key)}' of ${file} (expected one of ${d.metrics.map((x) => x.key).join(", ")})`);
  const points = d.worlds.flatMap((w) => w.models.flatMap((x) => (x.figures[m.key] == null ? [] : [{ seed: w.seed!, model: x.name, value: x.figures[m.key]!.mean }])));
  const overall = d.overWorlds.flatMap((x) => (x.figures[m.key] == null ? [] : [{ model: x.name, mean: x.figures[m.key]!.mean, sd: x.figures[m.key]!.sd, worlds: x.figures[m.key]!.worlds }]));
  return { task: String(d.task), metric: m.key, header: m.header, settings: (d.settings ?? {}) as Record<string, string | number>, models: d.models as string[], points, overall };
}

/** Dots per world, and the mean with a ± sd bar, per model (one row each, in the bench's order). */
export function worldsStripSpec(b: WorldsBench): VegaLiteSpec {
  const y = { field: "model", type: "nominal", title: "model", sort: [...b.models] };
  const means = b.overall.map((o) => ({ model: o.model, mean: o.mean, lo: o.mean - (o.sd ?? 0), hi: o.mean + (o.sd ?? 0) }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 480,
    height: { step: 16 },
    config: { font: "Helvetica, Arial, sans-serif", axis: { labelFontSize: 11, titleFontSize: 13, labelLimit: 320 } },
    layer: [
      { data: { values: b.points.map((p) => ({ ...p, world: `seed ${p.seed}` })) }, mark: { type: "point", opacity: 0.6, size: 40 }, encoding: { y, x: { field: "value", type: "quantitative", title: b.header }, color: { field: "world", type: "nominal", title: "world" }, tooltip: [{ field: "model" }, { field: "world" }, { field: "value", format: ".4f" }] } },
      { data: { values: means }, mark: { type: "rule", strokeWidth: 1.5, color: "#222" }, encoding: { y, x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
      { data: { values: means }, mark: { type: "tick", thickness: 2.5, color: "#222" }, encoding: { y, x: { field: "mean", type: "quantitative" } } },
    ],
  };
}

export async function buildWorldsReport(label: string, b: WorldsBench): Promise<string> {
  const settings = Object.entries(b.settings).filter(([k]) => k !== "models").map(([k, v]) => `${k} ${v}`).join(", ");
  const worlds = b.overall[0]?.worlds ?? 0;
  const title = `${b.header} of each model over ${worlds} replicate worlds`;
  const caption = `Task ${b.task}, metric ${b.metric}: a dot per world (the world's mean over runs), and the mean over the worlds with a bar ± their sd. Bench: ${settings}.`;
  const chart = `<div class="chart">${await renderChart(worldsStripSpec(b), title)}</div>`;
  const f4 = (x: number | null) => (x === null ? "n/a" : x.toFixed(4));
  const rows = b.overall.map((o) => [o.model, `${f4(o.mean)} ± ${f4(o.sd)}`, String(o.worlds)]);
  const page = `CTAR bench report: ${label} (${b.task})`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page)}</title>
<meta name="generator" content="ctar ${VERSION}">
<style>${REPORT_CSS}</style></head>
<body><h1>${escapeHtml(page)}</h1>
<p class="note">Written by ctar ${VERSION} (CTAR, arXiv 2202.11351). Replicate worlds of one configuration (seeds); each benched alike. Self-contained: nothing is loaded from the network.</p>
<section id="worlds-bench"><h2>${escapeHtml(title)}</h2>${figure("fig-worlds-error", title, caption, chart)}${table(["model", `${b.header}: mean ± sd over worlds`, "worlds"], rows)}</section>
</body></html>
`;
}
