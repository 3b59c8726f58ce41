/**
 * `ctar bench` on a folder of several worlds (io/dataset/world-set.ts): the replicates of
 * `generate --replicates K` or the worlds of `generate --sweep` (with or without replicates per
 * value). Each world is loaded and benched exactly as `ctar bench WORLD` would (same task,
 * models, runs, seed), in the manifest's order; the runs are then summarised over the worlds
 * (src/bench/over-worlds.ts): over all of them for replicates, over each value's for a sweep.
 */
import { type MetricName, type SweepValue, formatReplicatesJson, formatReplicatesMarkdown, formatSweepJson, formatSweepMarkdown, sweepColumns } from "../bench/over-worlds-format.js";
import { type WorldRuns, defaultSweepMetric, overWorldsCsv, parseRunsCsv, summariseOverWorlds } from "../bench/over-worlds.js";
import type { JobRunner } from "../bench/run-bench.js";
import { ConfigError } from "../errors/errors.js";
import type { World, WorldSet } from "../io/dataset/world-set.js";
import { taskSource } from "../io/tasks/task-source.js";
import type { Task, TaskBenchConfig, TaskBenchOutput } from "../tasks/task.js";

type ManyWorlds = Exclude<WorldSet, { kind: "dataset" }>;

/** Refuses, before any work, what a bench over worlds cannot do. */
export function checkWorldsFlags(set: WorldSet, task: Task, flags: { metric?: string | undefined; predictions: boolean }): void {
  if (set.kind === "dataset") {
    if (flags.metric !== undefined) throw new ConfigError("--metric: only with a sweep folder (written by 'ctar generate --sweep')");
    return;
  }
  if (flags.predictions) throw new ConfigError(`--predictions: not with a folder of ${set.worlds.length} worlds (${set.dir}); bench one world, e.g. ${set.worlds[0]!.dir}`);
  if (flags.metric !== undefined && set.kind !== "sweep") throw new ConfigError("--metric: only with a sweep folder (written by 'ctar generate --sweep')");
  if (flags.metric !== undefined && !task.metrics.some((m) => m.key === flags.metric)) {
    throw new ConfigError(`--metric: unknown metric '${flags.metric}' of task ${task.name} (expected one of ${task.metrics.map((m) => m.key).join(", ")})`);
  }
}

export async function benchOverWorlds(
  set: ManyWorlds,
  task: Task,
  options: Readonly<Record<string, string>>,
  config: TaskBenchConfig,
  metric: string | undefined,
  pool: (workers: number) => JobRunner,
): Promise<TaskBenchOutput> {
  /** One world benched as `ctar bench WORLD` does; `folder` names it in runs.csv. */
  const bench = async (w: World, folder: string): Promise<WorldRuns> => {
    const data = await task.load(taskSource(w.dir, "bench"), options, config.seed);
    const out = await task.bench(data, config, w.dir, pool);
    return { folder, ...(w.seed === undefined ? {} : { seed: w.seed }), ...(w.value === undefined ? {} : { value: w.value }), table: parseRunsCsv(out.csv) };
  };
  const names: MetricName[] = task.metrics.map((m) => ({ key: m.key, header: m.header }));
  const context = (models: readonly string[]) => ({ dataset: set.dir, task: task.name, kind: set.kind, settings: { models: models.join(","), runs: config.runs, epochs: config.epochs, seed: config.seed, precision: config.precision } });
  if (set.kind === "replicates") {
    const runs: WorldRuns[] = [];
    for (const w of set.worlds) runs.push(await bench(w, w.folder));
    const r = summariseOverWorlds(runs);
    const c = context(r.models);
    return { markdown: formatReplicatesMarkdown(r, c, names), json: formatReplicatesJson(r, c, names), csv: overWorldsCsv(runs, r.metrics), predictions: [] };
  }
  const all: WorldRuns[] = [];
  const values: SweepValue[] = [];
  for (const w of set.worlds) {
    const runs: WorldRuns[] = [];
    for (const d of w.replicates ?? [w]) runs.push(await bench(d, w.replicates === undefined ? w.folder : `${w.folder}/${d.folder}`));
    all.push(...runs);
    values.push({ value: w.value!, folder: w.folder, ...(w.replicates === undefined ? {} : { seeds: w.replicates.map((d) => d.seed!) }), summary: summariseOverWorlds(runs) });
  }
  const { models, metrics } = sweepColumns(values);
  const c = { ...context(models), parameter: set.manifest.parameter, metric: metric ?? defaultSweepMetric(metrics) };
  return { markdown: formatSweepMarkdown(values, c, names), json: formatSweepJson(values, c, names), csv: overWorldsCsv(all, metrics), predictions: [] };
}
