/**
 * The bench: every (model, run) pair is a job; jobs run in-process or on a pool of worker threads,
 * and results are gathered back in (model, run) order, so the output is byte-identical whatever
 * the number of workers. Models that are not built in (a user's own `Model`) always run in-process,
 * since functions cannot be posted to a worker.
 */
import type { Model, ModelOptions } from "../models/model.js";
import { BUILTIN_MODELS } from "../models/registry.js";
import type { BenchDataset } from "./dataset.js";
import type { RunScores, TestPredictions } from "./evaluate.js";
import { type JobOutput, runJob } from "./run-one.js";
import { summarise, type Summary } from "./summary.js";
import type { Precision } from "../models/adam-kernel.js";

export interface BenchConfig {
  readonly models: readonly Model[];
  readonly runs: number;
  readonly seed: number;
  readonly epochs: number;
  /** Parameter precision of every run (default f32). */
  readonly precision?: Precision;
  /** Worker threads (1 = in-process). */
  readonly workers: number;
  /** Options overriding a model's defaults, by model name. */
  readonly options?: Readonly<Record<string, ModelOptions>>;
  /** Keep every run's test-set predictions (ModelResult.predictions). */
  readonly predictions?: boolean;
  /** Called after each finished job (for progress display); not part of the result. */
  readonly onProgress?: (done: number, total: number, model: string, run: number) => void;
}

export interface ModelResult {
  readonly name: string;
  readonly description: string;
  readonly options: ModelOptions;
  readonly runs: readonly RunScores[];
  readonly summary: Summary;
  /** Per run, the raw scores on each test set (only with `predictions`). */
  readonly predictions?: readonly TestPredictions[];
}

export interface BenchResult {
  readonly seed: number;
  readonly runs: number;
  readonly epochs: number;
  readonly precision: Precision;
  readonly models: readonly ModelResult[];
}

/** One unit of work posted to a worker. */
export interface BenchJob {
  readonly model: string;
  readonly run: number;
  readonly seed: number;
  readonly epochs: number;
  readonly precision: Precision;
  readonly options: ModelOptions;
  readonly predictions?: boolean;
}

/** Runs jobs somewhere and resolves with their outputs, in job order. */
export type JobRunner = (data: BenchDataset, jobs: readonly BenchJob[], onDone: (index: number) => void) => Promise<JobOutput[]>;

function inProcess(models: ReadonlyMap<string, Model>): JobRunner {
  return async (data, jobs, onDone) =>
    jobs.map((j, i) => {
      const r = runJob(models.get(j.model)!, data, { seed: j.seed, run: j.run, epochs: j.epochs, precision: j.precision, options: j.options }, j.predictions === true);
      onDone(i);
      return r;
    });
}

/**
 * Runs the bench. `poolRunner` (src/io/bench/bench-pool.ts, worker threads) is used for built-in models when
 * `workers > 1`; pass nothing to stay in-process.
 */
export async function runBench(data: BenchDataset, config: BenchConfig, poolRunner?: (workers: number) => JobRunner): Promise<BenchResult> {
  if (!Number.isInteger(config.runs) || config.runs < 1) throw new RangeError(`runBench: runs must be a positive integer (got ${config.runs})`);
  const byName = new Map(config.models.map((m) => [m.name, m]));
  const jobs: BenchJob[] = [];
  const precision = config.precision ?? "f32";
  for (const m of config.models) {
    const options = { ...m.defaults, ...(config.options?.[m.name] ?? {}) };
    for (let run = 0; run < config.runs; run++) jobs.push({ model: m.name, run, seed: config.seed, epochs: config.epochs, precision, options, ...(config.predictions === true ? { predictions: true } : {}) });
  }
  const builtin = new Set(BUILTIN_MODELS.map((m) => m.name));
  const useBuiltin = (j: BenchJob) => builtin.has(j.model) && BUILTIN_MODELS.find((m) => m.name === j.model) === byName.get(j.model);
  const pooled = config.workers > 1 && poolRunner !== undefined ? jobs.filter(useBuiltin) : [];
  const local = jobs.filter((j) => !pooled.includes(j));
  let done = 0;
  const tick = (j: BenchJob) => config.onProgress?.(++done, jobs.length, j.model, j.run);
  const [pooledScores, localScores] = await Promise.all([
    pooled.length > 0 ? poolRunner!(config.workers)(data, pooled, (i) => tick(pooled[i]!)) : Promise.resolve([]),
    inProcess(byName)(data, local, (i) => tick(local[i]!)),
  ]);
  const scores = new Map<BenchJob, JobOutput>();
  pooled.forEach((j, i) => scores.set(j, pooledScores[i]!));
  local.forEach((j, i) => scores.set(j, localScores[i]!));
  const models = config.models.map((m) => {
    const mine = jobs.filter((j) => j.model === m.name);
    const runs = mine.map((j) => scores.get(j)!.scores);
    const base = { name: m.name, description: m.description, options: mine[0]!.options, runs, summary: summarise(runs) };
    return config.predictions === true ? { ...base, predictions: mine.map((j) => scores.get(j)!.predictions!) } : base;
  });
  return { seed: config.seed, runs: config.runs, epochs: config.epochs, precision, models };
}
