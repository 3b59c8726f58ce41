/**
 * `ctar bench` on a folder of several worlds (io/dataset/world-set.ts): the replicates of
 * `generate --replicates K` or the worlds of `generate --sweep`. Each world is loaded and benched
 * exactly as `ctar bench WORLD` would (same task, models, runs, seed), in the manifest's order;
 * the runs are then summarised over the worlds (bench/over-worlds.ts).
 */
import { type MetricName, formatOverWorldsJson, formatReplicatesMarkdown, formatSweepMarkdown } from "../bench/over-worlds-format.js";
import { type WorldRuns, defaultSweepMetric, overWorldsCsv, parseRunsCsv, summariseOverWorlds } from "../bench/over-worlds.js";
import type { JobRunner } from "../bench/run-bench.js";
import { ConfigError } from "../errors/errors.js";
import type { WorldSet } from "../io/dataset/world-set.js";
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
  const runs: WorldRuns[] = [];
  for (const w of set.worlds) {
    const data = await task.load(taskSource(w.dir, "bench"), options, config.seed);
    const out = await task.bench(data, config, w.dir, pool);
    runs.push({ folder: w.folder, ...(w.seed === undefined ? {} : { seed: w.seed }), ...(w.value === undefined ? {} : { value: w.value }), table: parseRunsCsv(out.csv) });
  }
  const r = summariseOverWorlds(runs);
  const names: MetricName[] = task.metrics.map((m) => ({ key: m.key, header: m.header }));
  const settings = { models: r.models.join(","), runs: config.runs, epochs: config.epochs, seed: config.seed, precision: config.precision };
  const context = {
    dataset: set.dir,
    task: task.name,
    kind: set.kind,
    settings,
    ...(set.kind === "sweep" ? { parameter: set.manifest.parameter, metric: metric ?? defaultSweepMetric(r.metrics) } : {}),
  };
  return {
    markdown: set.kind === "sweep" ? formatSweepMarkdown(r, context, names) : formatReplicatesMarkdown(r, context, names),
    json: formatOverWorldsJson(r, context, names),
    csv: overWorldsCsv(runs, r.metrics),
    predictions: [],
  };
}
