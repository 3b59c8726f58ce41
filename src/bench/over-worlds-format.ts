/**
 * The output of a bench over several worlds (over-worlds.ts): for replicates, one table of mean ±
 * sd over worlds (run-to-run sd in brackets) per model and metric; for a sweep, one table of a
 * metric with a row per value of the swept option and a column per model (mean ± sd over the
 * value's replicate worlds when it has several). JSON holds every
 * figure of every world. Pure string building, no timing: the same inputs give the same bytes.
 */
import type { OverWorlds, OverWorldsFigure } from "./over-worlds.js";

/** A metric's key and its column header (the task's). */
export interface MetricName {
  readonly key: string;
  readonly header: string;
}

/** What the bench was asked (shown above the table and kept in JSON). */
export interface OverWorldsContext {
  /** The folder, as given. */
  readonly dataset: string;
  readonly task: string;
  readonly kind: "replicates" | "sweep";
  /** The swept option's flag (sweeps). */
  readonly parameter?: string;
  /** The metric a sweep's table shows (sweeps). */
  readonly metric?: string;
  /** The bench settings of every world, e.g. runs, epochs, seed. */
  readonly settings: Readonly<Record<string, string | number>>;
}

const f4 = (x: number) => x.toFixed(4);
const sd = (x: number | null) => (x === null ? "n/a" : f4(x));

function headerOf(metrics: readonly MetricName[], key: string): string {
  return metrics.find((m) => m.key === key)?.header ?? key;
}

function settingsLine(c: OverWorldsContext): string {
  return Object.entries(c.settings).map(([k, v]) => `${k} ${v}`).join(", ");
}

function overallCell(f: OverWorldsFigure | null): string {
  return f === null ? "–" : `${f4(f.mean)} ± ${sd(f.sd)} (${sd(f.runSd)})`;
}

export function formatReplicatesMarkdown(r: OverWorlds, c: OverWorldsContext, names: readonly MetricName[]): string {
  const seeds = r.worlds.map((w) => w.seed);
  const lines = [`## ${c.task} over ${r.worlds.length} replicate worlds of ${c.dataset}`, ""];
  lines.push(`Seeds ${seeds.join(", ")}; each world benched alike (${settingsLine(c)}). Each cell: mean ± sd over the worlds of each world's mean over runs (the world-to-world spread), and in brackets the run-to-run sd pooled over the worlds; n/a where there is none (one world, or one run).`, "");
  lines.push(`| model | ${r.metrics.map((k) => headerOf(names, k)).join(" | ")} |`);
  lines.push(`|---|${r.metrics.map(() => "---").join("|")}|`);
  for (const m of r.overall) lines.push(`| ${m.name} | ${r.metrics.map((k) => overallCell(m.figures[k] ?? null)).join(" | ")} |`);
  lines.push("");
  return lines.join("\n");
}

/** One value of a sweep: its folder, the seeds of its replicates (if any), and the summary over them. */
export interface SweepValue {
  readonly value: number;
  readonly folder: string;
  readonly seeds?: readonly number[];
  readonly summary: OverWorlds;
}

/** The models and metrics of a sweep, in the order of the first value that has them. */
export function sweepColumns(values: readonly SweepValue[]): { models: string[]; metrics: string[] } {
  const models: string[] = [];
  const metrics: string[] = [];
  for (const v of values) {
    for (const m of v.summary.models) if (!models.includes(m)) models.push(m);
    for (const k of v.summary.metrics) if (!metrics.includes(k)) metrics.push(k);
  }
  return { models, metrics };
}

function sweepCell(f: OverWorldsFigure | null | undefined): string {
  if (f == null) return "–";
  return f.sd === null ? `${f4(f.mean)} (${sd(f.runSd)})` : overallCell(f);
}

export function formatSweepMarkdown(values: readonly SweepValue[], c: OverWorldsContext, names: readonly MetricName[]): string {
  const metric = c.metric!;
  const { models, metrics } = sweepColumns(values);
  const k = values[0]!.seeds?.length;
  const lines = [`## ${headerOf(names, metric)} against ${c.parameter} (${c.task}, ${c.dataset})`, ""];
  const per = k === undefined ? "One world per value" : `${k} replicate worlds per value (seeds ${values[0]!.seeds!.join(", ")})`;
  const cell = k === undefined ? "mean over runs (run-to-run sd; n/a with one run)" : "mean ± sd over the worlds of each world's mean over runs (run-to-run sd pooled over the worlds; n/a with one run)";
  lines.push(`${per} of --${c.parameter}, each benched alike (${settingsLine(c)}). Each cell: ${metric} of the model, ${cell}. Other metrics: --metric ${metrics.join("|")}, or --json for all.`, "");
  lines.push(`| ${c.parameter} | ${models.join(" | ")} |`);
  lines.push(`|---|${models.map(() => "---").join("|")}|`);
  for (const v of values) lines.push(`| ${v.value} | ${models.map((m) => sweepCell(v.summary.overall.find((o) => o.name === m)?.figures[metric])).join(" | ")} |`);
  lines.push("");
  return lines.join("\n");
}

/** A sweep's bench, for scripts and for `ctar report SWEEP --bench`: per value, the figures over its worlds and each world's. */
export function formatSweepJson(values: readonly SweepValue[], c: OverWorldsContext, names: readonly MetricName[]): string {
  const { models, metrics } = sweepColumns(values);
  const out = {
    tool: "ctar",
    kind: "bench-sweep",
    task: c.task,
    dataset: c.dataset,
    parameter: c.parameter,
    metric: c.metric,
    settings: c.settings,
    metrics: metrics.map((k) => ({ key: k, header: headerOf(names, k) })),
    models,
    values: values.map((v) => ({ value: v.value, folder: v.folder, ...(v.seeds === undefined ? {} : { seeds: v.seeds }), models: v.summary.overall, worlds: v.summary.worlds })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Everything, for scripts. */
export function formatReplicatesJson(r: OverWorlds, c: OverWorldsContext, names: readonly MetricName[]): string {
  const out = {
    tool: "ctar",
    kind: "bench-replicates",
    task: c.task,
    dataset: c.dataset,
    settings: c.settings,
    metrics: r.metrics.map((k) => ({ key: k, header: headerOf(names, k) })),
    models: r.models,
    worlds: r.worlds,
    overWorlds: r.overall,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
