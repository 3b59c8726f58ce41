/**
 * `ctar bench DIR`: trains the baselines on a CTAR dataset folder over many seeded runs (spread
 * over worker threads), and prints the paper's Table 3 layout; writes JSON and CSV results.
 * This module also reads a dataset folder into a `BenchDataset` (the only file access of the bench).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { TEST_SETS, type BenchDataset, type TestSetName } from "../bench/dataset.js";
import { formatCsv, formatJson, formatMarkdown } from "../bench/format.js";
import { runBench } from "../bench/run-bench.js";
import { ConfigError, InputError } from "../errors/errors.js";
import { forEachCsvRow, parseIntField, readIntColumns, readText } from "../io/csv.js";
import type { LabelSet } from "../labels/label-set.js";
import { trainingLabels, type MovieTags, type TagFeedback } from "../labels/training-labels.js";
import { BUILTIN_MODELS, modelByName } from "../models/registry.js";

const TEST_FILES: Record<TestSetName, string> = { I: "test_1.csv", II: "test_2.csv", III: "test_3.csv", all: "test.csv" };

/** Reads movie.csv (`movieid,taglist`, taglist a quoted comma list); movie ids must be 0..M−1. */
export function readMovieTags(file: string): MovieTags {
  const text = readText(file);
  const lists: number[][] = [];
  forEachCsvRow(text, file, ["movieid", "taglist"], (f, line) => {
    const m = parseIntField(f[0]!, file, line, "movieid");
    if (m !== lists.length) throw new InputError(`${file}:${line}: movie ids must be 0, 1, 2, … in file order (got ${m}, expected ${lists.length})`);
    const raw = f[1]!.trim();
    const tags = raw.length === 0 ? [] : raw.split(",").map((s) => parseIntField(s, file, line, "taglist"));
    for (const t of tags) if (t < 0) throw new InputError(`${file}:${line}: negative tag id in taglist (got ${t})`);
    lists.push(tags);
  });
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, m) => (start[m + 1] = start[m]! + l.length));
  const tags = new Int32Array(start[lists.length]!);
  lists.forEach((l, m) => tags.set(l, start[m]!));
  return { movies: lists.length, start, tags };
}

function readFeedback(file: string): TagFeedback {
  const { rows, cols } = readIntColumns(file, ["userid", "movieid", "tagid"]);
  return { n: rows, user: cols[0]!, movie: cols[1]!, tag: cols[2]! };
}

function readTestSet(file: string, users: number, tags: number): LabelSet {
  const { rows, cols } = readIntColumns(file, ["userid", "tagid", "islike"]);
  const [user, tag, like] = cols as [Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < rows; i++) {
    if (user[i]! < 0 || user[i]! >= users) throw new InputError(`${file}: row ${i + 1} has user ${user[i]} (expected 0..${users - 1}, the users of the train files)`);
    if (tag[i]! < 0 || tag[i]! >= tags) throw new InputError(`${file}: row ${i + 1} has tag ${tag[i]} (expected 0..${tags - 1}, the tags of movie.csv)`);
    if (like[i] !== 0 && like[i] !== 1) throw new InputError(`${file}: row ${i + 1} has islike ${like[i]} (expected 0 or 1)`);
  }
  return { n: rows, user, tag, label: Float64Array.from(like) };
}

function maxOf(a: Int32Array, init: number): number {
  let m = init;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

/**
 * Reads DIR/train/{movie,rating,obstag,rcttag}.csv, DIR/test/{test_1,test_2,test_3,test}.csv and,
 * if present, DIR/truth/liked_tags.csv. Sizes come from the data: users = max user id + 1 over the
 * train files; tags = max tag id + 1 over movie.csv.
 */
export function loadBenchDataset(dir: string): BenchDataset {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new InputError(`bench: dataset folder not found (got '${dir}', expected a folder with train/ and test/)`);
  }
  if (!st.isDirectory()) throw new InputError(`bench: not a folder (got '${dir}', expected a folder with train/ and test/)`);
  const train = (f: string) => path.join(dir, "train", f);
  const movies = readMovieTags(train("movie.csv"));
  const ratingUsers = readIntColumns(train("rating.csv"), ["userid"]).cols[0]!;
  const obstag = readFeedback(train("obstag.csv"));
  const rcttag = readFeedback(train("rcttag.csv"));
  const users = Math.max(maxOf(ratingUsers, -1), maxOf(obstag.user, -1), maxOf(rcttag.user, -1)) + 1;
  const tags = maxOf(movies.tags, -1) + 1;
  if (users === 0) throw new InputError(`${train("rating.csv")}: no users in the train files`);
  if (tags === 0) throw new InputError(`${train("movie.csv")}: no tags in the tag lists`);
  const present = new Uint8Array(tags);
  for (const t of movies.tags) present[t] = 1;
  const catalog: number[] = [];
  for (let t = 0; t < tags; t++) if (present[t] === 1) catalog.push(t);
  const catalogTags = Int32Array.from(catalog);
  const labels = trainingLabels(obstag, rcttag, movies, users, tags);
  const tests = {} as Record<TestSetName, LabelSet>;
  for (const name of TEST_SETS) tests[name] = readTestSet(path.join(dir, "test", TEST_FILES[name]), users, tags);
  const truthFile = path.join(dir, "truth", "liked_tags.csv");
  const truth = existsSync(truthFile) ? readTruth(truthFile, users, tags, catalogTags) : undefined;
  return truth === undefined ? { users, tags, catalogTags, labels, tests } : { users, tags, catalogTags, labels, tests, truth };
}

/** τ′ over every user × catalog tag, from the (user, liked tag) rows of truth/liked_tags.csv. */
function readTruth(file: string, users: number, tags: number, catalogTags: Int32Array): LabelSet {
  const { rows, cols } = readIntColumns(file, ["userid", "tagid"]);
  const liked = new Uint8Array(users * tags);
  for (let i = 0; i < rows; i++) {
    const u = cols[0]![i]!;
    const t = cols[1]![i]!;
    if (u < 0 || u >= users) throw new InputError(`${file}: row ${i + 1} has user ${u} (expected 0..${users - 1}, the users of the train files)`);
    if (t < 0 || t >= tags) throw new InputError(`${file}: row ${i + 1} has tag ${t} (expected 0..${tags - 1}, the tags of movie.csv)`);
    liked[u * tags + t] = 1;
  }
  const n = users * catalogTags.length;
  const user = new Int32Array(n);
  const tag = new Int32Array(n);
  const label = new Float64Array(n);
  let i = 0;
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < catalogTags.length; k++, i++) {
      const t = catalogTags[k]!;
      user[i] = u;
      tag[i] = t;
      label[i] = liked[u * tags + t]!;
    }
  }
  return { n, user, tag, label };
}

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
  workers: string;
  out?: string;
  json?: boolean;
}

export function registerBench(program: Command): void {
  program
    .command("bench")
    .description("Train the baselines on a CTAR dataset folder over seeded runs and print the paper's Table 3 layout (mean and sd over runs).")
    .argument("<dir>", "dataset folder with train/ and test/ (and optionally truth/liked_tags.csv)")
    .option("--models <list>", `comma-separated models (${BUILTIN_MODELS.map((m) => m.name).join(", ")})`, "mf,mf-ips,cause-ctar")
    .option("--runs <n>", "runs per model, each from a fresh seeded initialisation", "50")
    .option("--seed <n>", "root seed of every run's random streams", "0")
    .option("--epochs <n>", "training epochs per run", "100")
    .option("--workers <n>", "worker threads (the output does not depend on it)", String(Math.min(availableParallelism(), 8)))
    .option("--out <folder>", "write bench.md, bench.json and runs.csv there")
    .option("--json", "print the JSON results to stdout instead of the Markdown table")
    .action(async (dir: string, flags: BenchFlags) => {
      const names = flags.models.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
      if (names.length === 0) throw new ConfigError(`--models: expected at least one model (got '${flags.models}')`);
      const models = names.map(modelByName);
      const runs = parseInteger(flags.runs, "--runs", 1);
      const seed = parseInteger(flags.seed, "--seed", 0);
      const epochs = parseInteger(flags.epochs, "--epochs", 1);
      const workers = parseInteger(flags.workers, "--workers", 1);
      const data = loadBenchDataset(dir);
      const { workerPool } = await import("../bench/pool.js");
      // progress on an interactive terminal only (stderr), so the output stays reproducible
      const onProgress = process.stderr.isTTY
        ? (done: number, total: number, model: string, run: number) => {
            process.stderr.write(`\rbench: ${done}/${total} runs done (last: ${model} run ${run})` + (done === total ? "\n" : ""));
          }
        : undefined;
      const result = await runBench(data, { models, runs, seed, epochs, workers, ...(onProgress === undefined ? {} : { onProgress }) }, workerPool);
      const md = formatMarkdown(result, data, `Baselines on ${dir}`);
      const json = formatJson(result, data, dir);
      if (flags.out !== undefined) {
        mkdirSync(flags.out, { recursive: true });
        writeFileSync(path.join(flags.out, "bench.md"), md);
        writeFileSync(path.join(flags.out, "bench.json"), json);
        writeFileSync(path.join(flags.out, "runs.csv"), formatCsv(result, data));
      }
      process.stdout.write(flags.json === true ? json : md);
    });
}
