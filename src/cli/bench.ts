/**
 * `ctar bench DIR`: trains the baselines on a CTAR dataset folder over many seeded runs (spread
 * over worker threads), and prints the paper's Table 3 layout; writes JSON and CSV results.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { formatCsv, formatJson, formatMarkdown } from "../bench/format.js";
import { runBench } from "../bench/run-bench.js";
import type { BenchDataset } from "../bench/dataset.js";
import { ConfigError, InputError } from "../errors/errors.js";
import type { Model } from "../models/model.js";
import { checkOutputDir, writeOutputBytes, writeOutputDir } from "../io/fs/output.js";
import { BENCH_KIND } from "../io/fs/output-kinds.js";
import { loadBenchDataset } from "../io/read-bench-dataset.js";
import { RELEASE_HINT } from "../io/data-sources.js";
import { writePredictions } from "../io/write-predictions.js";
import { BUILTIN_MODELS, modelByName } from "../models/registry.js";

function parseInteger(v: string, flag: string, min: number): number {
  const x = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(x) || x < min) throw new ConfigError(`${flag}: expected an integer ≥ ${min} (got '${v}')`);
  return x;
}

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
}

/** The asked models that the data can train: without RCT labels, those that need them are skipped, with a warning. */
function modelsThatCanRun(asked: readonly Model[], data: BenchDataset, dir: string): Model[] {
  if (data.labels.rct.n > 0) return [...asked];
  const skipped = asked.filter((m) => m.needsRct === true).map((m) => m.name);
  const kept = asked.filter((m) => m.needsRct !== true);
  const file = path.join(dir, "train", "rcttag.csv");
  if (kept.length === 0) {
    throw new InputError(`${file}: no RCT labels, and every model asked (${skipped.join(", ")}) needs them (models that do not: ${BUILTIN_MODELS.filter((m) => m.needsRct !== true).map((m) => m.name).join(", ")})`);
  }
  if (skipped.length > 0) process.stderr.write(`ctar: warning: ${file} has no RCT labels: skipped ${skipped.join(", ")} (they need them); running ${kept.map((m) => m.name).join(", ")}\n`);
  return kept;
}

export function registerBench(program: Command): void {
  program
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
    .action(async (dir: string, flags: BenchFlags) => {
      const names = flags.models.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
      if (names.length === 0) throw new ConfigError(`--models: expected at least one model (got '${flags.models}')`);
      const asked = names.map(modelByName);
      const runs = parseInteger(flags.runs, "--runs", 1);
      const seed = parseInteger(flags.seed, "--seed", 0);
      const epochs = parseInteger(flags.epochs, "--epochs", 1);
      const workers = parseInteger(flags.workers ?? String(Math.min(availableParallelism(), 8)), "--workers", 1);
      if (flags.precision !== "f32" && flags.precision !== "f64") throw new ConfigError(`--precision: expected f32 or f64 (got '${flags.precision}')`);
      const precision = flags.precision;
      const predictions = flags.predictions === undefined || flags.predictions === false ? undefined : flags.predictions === true ? "csv" : flags.predictions;
      if (predictions !== undefined && predictions !== "csv" && predictions !== "parquet") throw new ConfigError(`--predictions: expected csv or parquet (got '${predictions}')`);
      if (predictions !== undefined && flags.out === undefined) throw new ConfigError("--predictions: needs --out FOLDER (the predictions are written there)");
      // A refused --out costs nothing: checked before the training. It may replace only an earlier bench output.
      const target = { force: true, kind: BENCH_KIND, inputs: [dir] };
      if (flags.out !== undefined) checkOutputDir(flags.out, target);
      if (!existsSync(dir)) throw new InputError(`bench: dataset folder not found (got '${dir}', expected ${RELEASE_HINT})`);
      const data = loadBenchDataset(dir);
      const models = modelsThatCanRun(asked, data, dir);
      const { workerPool } = await import("../io/bench-pool.js");
      // progress on an interactive terminal only (stderr), so the output stays reproducible
      const onProgress = process.stderr.isTTY
        ? (done: number, total: number, model: string, run: number) => {
            process.stderr.write(`\rbench: ${done}/${total} runs done (last: ${model} run ${run})` + (done === total ? "\n" : ""));
          }
        : undefined;
      const result = await runBench(data, { models, runs, seed, epochs, precision, workers, ...(predictions !== undefined ? { predictions: true } : {}), ...(onProgress === undefined ? {} : { onProgress }) }, workerPool);
      const md = formatMarkdown(result, data, `Baselines on ${dir}`);
      const json = formatJson(result, data, dir);
      if (flags.out !== undefined) {
        await writeOutputDir(flags.out, target, (tmp) => {
          writeOutputBytes(path.join(tmp, "bench.md"), md);
          writeOutputBytes(path.join(tmp, "bench.json"), json);
          writeOutputBytes(path.join(tmp, "runs.csv"), formatCsv(result, data));
          if (predictions !== undefined) writePredictions(path.join(tmp, `predictions.${predictions}`), predictions, result, data);
        });
      }
      process.stdout.write(flags.json === true ? json : md);
    });
}
