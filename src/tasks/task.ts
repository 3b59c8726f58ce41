/**
 * A research task: one protocol of the field run on a CTAR world and scored against its truth.
 * A task names what a model sees, its baselines, its metrics and its truth; it builds its data
 * from a dataset folder (through a `TaskSource` the io edge provides), writes that data as tables
 * (`ctar task`), reads it back from them, runs its baselines (`ctar bench --task`) and scores any
 * model's predictions table (`ctar score`). Adding a task is a folder under src/tasks/ and one
 * line in registry.ts. Everything here is pure: files are read and written by src/io/tasks/.
 */
import type { BenchDataset } from "../bench/dataset.js";
import type { JobRunner } from "../bench/run-bench.js";
import type { Precision } from "../models/adam-kernel.js";
import type { WorldRun } from "./world-run.js";
import type { EffectsTaskData } from "./effects/effects-data.js";
import type { ScoredPairs } from "../truth/recommendations.js";

/** A column's values: integers, doubles or strings. */
export type ColumnValues = Int32Array | Float64Array | readonly string[];
export type ColumnType = "int32" | "double" | "string";

/** A table a task writes (its data files, a bench's predictions): named, typed columns, in blocks. */
export interface TaskTable {
  /** File stem relative to the output folder, e.g. "train" (written train.csv or train.parquet). */
  readonly name: string;
  /** One line for the card. */
  readonly description: string;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  /** The rows in blocks (one Parquet row group each); each block has one array per column. */
  blocks(): Iterable<readonly ColumnValues[]>;
}

/** A numeric table read back (a task's file, or a predictions file): columns by name, with places for messages. */
export interface ReadTable {
  /** What to name in messages: the file. */
  readonly file: string;
  readonly rows: number;
  /** The column of that name (Int32Array for int32 columns, Float64Array for double). */
  column(name: string): Int32Array | Float64Array;
  /** Where data row i is, `file:line` (CSV) or `file: row N` (Parquet). */
  place(i: number): string;
}

/** An option of a task (a flag of `bench`, `task` and `score`, e.g. `--split`). */
export interface TaskOption {
  readonly flag: string;
  readonly help: string;
  readonly default: string;
}

/** What a task may ask of a dataset folder (implemented in src/io/tasks/task-source.ts). */
export interface TaskSource {
  /** The folder, as given. */
  readonly dir: string;
  /** The folder read as the Table-3 bench reads it. */
  benchDataset(): BenchDataset;
  /** The folder read as the effects task reads it: observed data, and truth/ when present. */
  effectsData(): EffectsTaskData;
  /** The world that wrote the folder, rebuilt from its config.json (user modules included). */
  world(): Promise<WorldRun>;
  /** A policy file a task option names (userid,movieid,score), read and checked against the ids. */
  policyFile(file: string, users: number, movies: number): ScoredPairs;
}

/** Builds a task's data from the world that wrote the folder, releasing the world (its workers, its scratch) however the build ends. */
export async function fromWorld<D>(source: TaskSource, build: (world: WorldRun) => D): Promise<D> {
  const world = await source.world();
  try {
    return build(world);
  } finally {
    world.dispose();
  }
}

/** A metric of a task's table row. */
export interface TaskMetric {
  /** Key in JSON and CSV. */
  readonly key: string;
  /** Column header in the table. */
  readonly header: string;
  /** How it is computed, for the docs and the card. */
  readonly formula: string;
}

/** One model's figures: metric key → value, null where undefined (with a note saying why). */
export type MetricRow = Readonly<Record<string, number | null>>;

export interface ScoreResult {
  readonly row: MetricRow;
  /** Why a figure is missing, what was scored (printed under the row). */
  readonly notes: readonly string[];
}

export interface TaskBenchConfig {
  /** Built-in baseline names; empty = the task's defaults. */
  readonly models: readonly string[];
  readonly runs: number;
  readonly seed: number;
  readonly epochs: number;
  readonly precision: Precision;
  readonly workers: number;
  /** Keep the predictions (written by `bench --predictions`). */
  readonly predictions: boolean;
  /** Says what was skipped and why (e.g. a model that needs data the dataset lacks). */
  readonly warn: (message: string) => void;
  readonly onProgress?: (done: number, total: number, model: string, run: number) => void;
}

export interface TaskBenchOutput {
  readonly markdown: string;
  readonly json: string;
  /** One row per (model, run). */
  readonly csv: string;
  /** With `predictions`: the tables `bench --predictions` writes. */
  readonly predictions: readonly TaskTable[];
}

export interface Task<D = unknown> {
  /** Name on the command line (`--task`). */
  readonly name: string;
  readonly description: string;
  /** What a model sees (its training data), one sentence. */
  readonly sees: string;
  /** What it is scored against, one sentence. */
  readonly truth: string;
  /** The built-in baselines `bench` runs by default, by name. */
  readonly baselines: readonly string[];
  /** Every built-in model it can run (`--models`). */
  readonly models: readonly string[];
  readonly metrics: readonly TaskMetric[];
  /** The columns of a predictions file `score` reads: two id columns and the prediction. */
  readonly predictionColumns: readonly [string, string, string];
  readonly options: readonly TaskOption[];
  /** Builds the task's data from a dataset folder; `options` by flag (defaults filled in). */
  load(source: TaskSource, options: Readonly<Record<string, string>>, seed: number): Promise<D>;
  /** The task's data as tables (`ctar task`), and a summary for its card. */
  tables(data: D): readonly TaskTable[];
  /** The data back from the tables `tables` wrote (`read(name)`: undefined when absent), for `score TASKDIR`. */
  fromTables(read: (name: string) => ReadTable | undefined): D;
  /** One line describing the data (sizes), for tables and cards. */
  describe(data: D): string;
  /** Runs the baselines. `pool` runs Table-3 jobs on worker threads (tasks that cannot use it run in-process). */
  bench(data: D, config: TaskBenchConfig, dataset: string, pool?: (workers: number) => JobRunner): Promise<TaskBenchOutput>;
  /** The most (id, id) pairs a predictions file can hold, which bounds the bytes `score` reads (absent: no bound below the CSV cap). */
  pairCount?(data: D): number;
  /** Scores a predictions table (columns `predictionColumns`); bad rows are InputErrors naming `table.place(i)`. */
  score(data: D, predictions: ReadTable): ScoreResult;
}
