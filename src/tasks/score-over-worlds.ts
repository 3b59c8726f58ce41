/**
 * `ctar score`'s output on a folder of worlds (the replicates of `generate --replicates K` or the
 * worlds of `generate --sweep`), one predictions file a world: each world's row as `ctar score
 * WORLD` computes it, and each figure as mean ± sd over the worlds (sample sd, divisor K − 1, as
 * `ctar bench` reports it over worlds: src/bench/over-worlds.ts). A model's predictions are one
 * run per world, so there is no run-to-run sd. Pure string building: the same scores give the
 * same bytes.
 */
import { overWorldsFigure } from "../bench/over-worlds.js";
import type { ScoreResult, Task } from "./task.js";

/** One world's score: its folder relative to the set (e.g. `seed-9527`), seed or value, and the predictions file scored. */
export interface WorldScore {
  readonly world: string;
  readonly seed?: number;
  readonly value?: number;
  readonly predictions: string;
  readonly result: ScoreResult;
}

/** One value of a sweep and the scores of its world(s). */
export interface ValueScores {
  readonly value: number;
  readonly folder: string;
  readonly worlds: readonly WorldScore[];
}

/** What was scored: the folder of worlds and the predictions as given (a folder, or a path with {world}). */
export interface ScoreOverWorldsContext {
  readonly source: string;
  readonly predictions: string;
}

const f4 = (x: number) => x.toFixed(4);

/** A figure over the worlds: the mean, the sample sd (null with one world), and how many worlds have it. */
export interface ScoreFigure {
  readonly mean: number;
  readonly sd: number | null;
  readonly worlds: number;
}

/** Each metric of the task over the worlds (null where no world has it). */
export function scoreOverWorlds(task: Task, worlds: readonly WorldScore[]): Readonly<Record<string, ScoreFigure | null>> {
  return Object.fromEntries(task.metrics.map((m) => {
    const f = overWorldsFigure(worlds.map((w) => {
      const v = w.result.row[m.key];
      return v == null ? [] : [v];
    }));
    return [m.key, f === null ? null : { mean: f.mean, sd: f.sd, worlds: f.worlds }];
  }));
}

function cell(f: ScoreFigure | null): string {
  if (f === null) return "–";
  return f.sd === null ? f4(f.mean) : `${f4(f.mean)} ± ${f4(f.sd)}`;
}

function worldCell(v: number | null | undefined): string {
  return v == null ? "–" : f4(v);
}

/** The notes every world shares, once; the others prefixed by their world. */
function notesOf(worlds: readonly WorldScore[]): string[] {
  const shared = worlds[0]!.result.notes.filter((n) => worlds.every((w) => w.result.notes.includes(n)));
  return [...shared, ...worlds.flatMap((w) => w.result.notes.filter((n) => !shared.includes(n)).map((n) => `${w.world}: ${n}`))];
}

const header = (task: Task, first: string) => [`| ${first} | ${task.metrics.map((m) => m.header).join(" | ")} |`, `|---|${task.metrics.map(() => "---").join("|")}|`];

export function replicatesScoreMarkdown(task: Task, c: ScoreOverWorldsContext, worlds: readonly WorldScore[]): string {
  const over = scoreOverWorlds(task, worlds);
  const lines = [`## ${task.name}: ${c.predictions} over ${worlds.length} replicate worlds of ${c.source}`, ""];
  lines.push(`Seeds ${worlds.map((w) => w.seed).join(", ")}; each world's predictions scored as \`ctar score WORLD\` scores them. Last row: mean ± sd over the worlds (sample sd; none with one world; a figure a world lacks is left out of it).`, "");
  lines.push(...header(task, "world"));
  for (const w of worlds) lines.push(`| ${w.world} | ${task.metrics.map((m) => worldCell(w.result.row[m.key])).join(" | ")} |`);
  lines.push(`| mean ± sd | ${task.metrics.map((m) => cell(over[m.key] ?? null)).join(" | ")} |`);
  return [...lines, "", ...notesOf(worlds), ""].join("\n");
}

export function sweepScoreMarkdown(task: Task, c: ScoreOverWorldsContext & { readonly parameter: string }, values: readonly ValueScores[]): string {
  const k = values[0]!.worlds.length;
  const lines = [`## ${task.name}: ${c.predictions} against ${c.parameter} (${c.source})`, ""];
  const per = k === 1 ? "One world per value" : `${k} replicate worlds per value (seeds ${values[0]!.worlds.map((w) => w.seed).join(", ")})`;
  const what = k === 1 ? "the world's figure" : "mean ± sd over the value's worlds (sample sd)";
  lines.push(`${per} of --${c.parameter}, each world's predictions scored as \`ctar score WORLD\` scores them. Each cell: ${what}; --json gives every world's figures.`, "");
  lines.push(...header(task, c.parameter));
  for (const v of values) {
    const over = scoreOverWorlds(task, v.worlds);
    lines.push(`| ${v.value} | ${task.metrics.map((m) => cell(over[m.key] ?? null)).join(" | ")} |`);
  }
  return [...lines, "", ...notesOf(values.flatMap((v) => v.worlds)), ""].join("\n");
}

const metricsOf = (task: Task) => task.metrics.map((m) => ({ key: m.key, header: m.header }));

const worldJson = (task: Task, w: WorldScore) => ({
  world: w.world,
  ...(w.seed === undefined ? {} : { seed: w.seed }),
  ...(w.value === undefined ? {} : { value: w.value }),
  predictions: w.predictions,
  metrics: Object.fromEntries(task.metrics.map((m) => [m.key, w.result.row[m.key] ?? null])),
  notes: w.result.notes,
});

export function replicatesScoreJson(task: Task, c: ScoreOverWorldsContext, worlds: readonly WorldScore[]): string {
  const out = { tool: "ctar", kind: "score-replicates", task: task.name, source: c.source, predictions: c.predictions, metrics: metricsOf(task), worlds: worlds.map((w) => worldJson(task, w)), overWorlds: scoreOverWorlds(task, worlds) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function sweepScoreJson(task: Task, c: ScoreOverWorldsContext & { readonly parameter: string }, values: readonly ValueScores[]): string {
  const out = {
    tool: "ctar",
    kind: "score-sweep",
    task: task.name,
    source: c.source,
    predictions: c.predictions,
    parameter: c.parameter,
    metrics: metricsOf(task),
    values: values.map((v) => ({ value: v.value, folder: v.folder, overWorlds: scoreOverWorlds(task, v.worlds), worlds: v.worlds.map((w) => worldJson(task, w)) })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
