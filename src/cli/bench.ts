/**
 * `ctar bench DIR`: trains the baselines on a CTAR dataset folder over many seeded runs (spread
 * over worker threads), and prints the paper's Table 3 layout; writes JSON and CSV results.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { checkOutputDir, writeOutputBytes, writeOutputDir } from "../io/fs/output.js";
import { BENCH_KIND } from "../io/fs/output-kinds.js";
import { BUILTIN_MODELS } from "../models/registry.js";
import { taskSource } from "../io/tasks/task-source.js";
import { writeTaskTable } from "../io/tables/write-table.js";
import { addTaskOptions, taskOf } from "./task-options.js";
import type { TaskBenchConfig } from "../tasks/task.js";
import { readWorldSet } from "../io/dataset/world-set.js";
import { benchOverWorlds, checkWorldsFlags } from "./bench-worlds.js";

function parseInteger(v: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const x = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(x) || x < min) throw new ConfigError(`${flag}: expected an integer ≥ ${min} (got '${v}')`);
  if (x > max) throw new ConfigError(`${flag}: expected an integer from ${min} to ${max} (got '${v}')`);
  return x;
}

/** The most bench worker threads (as generate's --workers): each holds a copy of the training data. */
const MAX_WORKERS = 256;

interface BenchFlags {
  models: string;
  runs: string;
  seed: string;
  epochs: string;
  workers?: string;
  precision: string;
  out?: string;
  json?: boolean;
  predictions?: string | boolean;
  task: string;
  metric?: string;
}

export function registerBench(program: Command): void {
  const cmd = program
    .command("bench")
    .description("train the baselines on a CTAR dataset folder over seeded runs and print the paper's Table 3 layout (mean and sd over runs)")
    .argument("<dir>", "dataset folder with train/ and test/ (and optionally truth/liked_tags.csv)")
    .option("--models <list>", `comma-separated models (${BUILTIN_MODELS.map((m) => m.name).join(", ")})`, "mf,mf-ips,cause-ctar")
    .option("--runs <n>", "runs per model, each from a fresh seeded initialisation", "50")
    .option("--seed <n>", "root seed of every run's random streams", "0")
    .option("--epochs <n>", "training epochs per run", "100")
    .option("--workers <n>", "worker threads; the output does not depend on it (default: the machine's cores, at most 8)")
    .option("--precision <p>", "parameter precision: f32 (as PyTorch trains, the authors' setting) or f64", "f32")
    .option("--out <folder>", "write bench.md, bench.json and runs.csv there (a new or empty folder, or an earlier bench output, which is replaced)")
    .option("--json", "print the JSON results to stdout instead of the Markdown table")
    .option("--predictions [format]", "with --out: also write every score (predictions.csv, or predictions.parquet with 'parquet')")
    .option("--metric <key>", "with a sweep folder: the metric its table shows (default: the task's first population metric, population… or pop_…, else its first)");
  addTaskOptions(cmd, "tags").action(async (dir: string, flags: BenchFlags, self: Command) => {
      const { task, options } = taskOf(flags as unknown as Record<string, unknown>);
      // --models not given: the task's own baselines (its default is the tags task's, as before)
      const names = self.getOptionValueSource("models") === "default" ? [...task.baselines] : flags.models.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
      if (names.length === 0) throw new ConfigError(`--models: expected at least one model (got '${flags.models}')`);
      for (const n of names) if (!task.models.includes(n)) throw new ConfigError(`--models: unknown model '${n}' (expected one of ${task.models.join(", ")})`);
      const twice = names.find((n, i) => names.indexOf(n) !== i);
      if (twice !== undefined) throw new ConfigError(`--models: model '${twice}' is named twice (got '${flags.models}'; use --runs for more runs of one model)`);
      const runs = parseInteger(flags.runs, "--runs", 1);
      const seed = parseInteger(flags.seed, "--seed", 0);
      const epochs = parseInteger(flags.epochs, "--epochs", 1);
      const workers = parseInteger(flags.workers ?? String(Math.min(availableParallelism(), 8)), "--workers", 1, MAX_WORKERS);
      if (flags.precision !== "f32" && flags.precision !== "f64") throw new ConfigError(`--precision: expected f32 or f64 (got '${flags.precision}')`);
      const precision = flags.precision;
      const predictions = flags.predictions === undefined || flags.predictions === false ? undefined : flags.predictions === true ? "csv" : flags.predictions;
      if (predictions !== undefined && predictions !== "csv" && predictions !== "parquet") throw new ConfigError(`--predictions: expected csv or parquet (got '${predictions}')`);
      if (predictions !== undefined && flags.out === undefined) throw new ConfigError("--predictions: needs --out FOLDER (the predictions are written there)");
      // A refused --out costs nothing: checked before the training. It may replace only an earlier bench output.
      const target = { force: true, kind: BENCH_KIND, inputs: [dir] };
      if (flags.out !== undefined) checkOutputDir(flags.out, target);
      // a folder of replicates or of a sweep: every world benched, then summarised (cli/bench-worlds.ts)
      const worlds = readWorldSet(dir);
      checkWorldsFlags(worlds, task, { metric: flags.metric, predictions: predictions !== undefined });
      const { workerPool } = await import("../io/bench/bench-pool.js");
      // progress on an interactive terminal only (stderr), so the output stays reproducible
      const onProgress = process.stderr.isTTY
        ? (done: number, total: number, model: string, run: number) => {
            process.stderr.write(`\rbench: ${done}/${total} runs done (last: ${model} run ${run})` + (done === total ? "\n" : ""));
          }
        : undefined;
      const config: TaskBenchConfig = { models: names, runs, seed, epochs, precision, workers, predictions: predictions !== undefined, warn: (m: string) => process.stderr.write(`ctar: warning: ${m}\n`), ...(onProgress === undefined ? {} : { onProgress }) };
      const out =
        worlds.kind === "dataset"
          ? await task.bench(await task.load(taskSource(dir, "bench"), options, seed), config, dir, workerPool)
          : await benchOverWorlds(worlds, task, options, config, flags.metric, workerPool);
      if (flags.out !== undefined) {
        await writeOutputDir(flags.out, target, (tmp) => {
          writeOutputBytes(path.join(tmp, "bench.md"), out.markdown);
          writeOutputBytes(path.join(tmp, "bench.json"), out.json);
          writeOutputBytes(path.join(tmp, "runs.csv"), out.csv);
          if (predictions !== undefined) for (const t of out.predictions) writeTaskTable(path.join(tmp, `${t.name}.${predictions}`), predictions, t);
        });
      }
      process.stdout.write(flags.json === true ? out.json : out.markdown);
    });
}
