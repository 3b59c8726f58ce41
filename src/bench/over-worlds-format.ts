/**
 * The output of a bench over several worlds (over-worlds.ts): for replicates, one table of mean ±
 * sd over worlds (run-to-run sd in brackets) per model and metric; for a sweep, one table of a
 * metric with a row per value of the swept option and a column per model. JSON holds every
 * figure of every world. Pure string building, no timing: the same inputs give the same bytes.
 */
import type { OverWorlds, OverWorldsFigure, WorldFigure } from "./over-worlds.js";

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

function worldCell(f: WorldFigure | null): string {
  return f === null ? "–" : `${f4(f.mean)} (${sd(f.runSd)})`;
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

export function formatSweepMarkdown(r: OverWorlds, c: OverWorldsContext, names: readonly MetricName[]): string {
  const metric = c.metric!;
  const lines = [`## ${headerOf(names, metric)} against ${c.parameter} (${c.task}, ${c.dataset})`, ""];
  lines.push(`One world per value of --${c.parameter}, each benched alike (${settingsLine(c)}). Each cell: ${metric} of the model in that world, mean over runs (run-to-run sd; n/a with one run). Other metrics: --metric ${r.metrics.join("|")}, or --json for all.`, "");
  lines.push(`| ${c.parameter} | ${r.models.join(" | ")} |`);
  lines.push(`|---|${r.models.map(() => "---").join("|")}|`);
  for (const w of r.worlds) lines.push(`| ${w.value} | ${w.models.map((m) => worldCell(m.figures[metric] ?? null)).join(" | ")} |`);
  lines.push("");
  return lines.join("\n");
}

/** Everything, for scripts and for `ctar report SWEEP --bench`. */
export function formatOverWorldsJson(r: OverWorlds, c: OverWorldsContext, names: readonly MetricName[]): string {
  const out = {
    tool: "ctar",
    kind: c.kind === "sweep" ? "bench-sweep" : "bench-replicates",
    task: c.task,
    dataset: c.dataset,
    ...(c.parameter === undefined ? {} : { parameter: c.parameter }),
    ...(c.metric === undefined ? {} : { metric: c.metric }),
    settings: c.settings,
    metrics: r.metrics.map((k) => ({ key: k, header: headerOf(names, k) })),
    models: r.models,
    worlds: r.worlds,
    ...(c.kind === "replicates" ? { overWorlds: r.overall } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
