/**
 * `ctar generate`: one CTAR dataset, written atomically in the released layout — generated in
 * blocks of users on worker threads (`--workers`), or one shard of it (`--shard I/N`) for
 * `ctar merge`. The files are the same bytes for any number of workers or shards.
 */
import { decimalNumber } from "../config/number-text.js";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { checkOutputDir, writeOutputDir } from "../io/fs/output.js";
import { DATASET_KIND, PART_KIND, REPLICATES_KIND, SWEEP_KIND } from "../io/fs/output-kinds.js";
import { parseFormat } from "../io/dataset/dataset-formats.js";
import { generateInto } from "../io/run/generate-run.js";
import { readConfigFile } from "../io/inputs/load-config.js";
import { writePart } from "../io/run/parts.js";
import { type RecordedDefaults, isCtarRecord, recordedDefaults } from "../io/recorded/recorded-run.js";
import { writeReplicates } from "../io/run/replicates.js";
import { writeSweep } from "../io/run/sweep.js";
import { TRUTH_LEVELS, runInputsFromOptions } from "../io/run/run-inputs.js";
import { mechanismFlagsGiven } from "../scm/mechanism-options.js";
import { addConfigOptions, configFromOptions } from "./config-options.js";
import { parseShard, parseWorkers } from "./parallel-options.js";
import { Progress } from "./progress.js";
import { sweepInputs, sweepPlan, sweepSummary } from "./sweep-option.js";
import type { CtarConfig } from "../config/ctar-config.js";

export function registerGenerate(program: Command): void {
  const cmd = program
    .command("generate")
    .description("generate a CTAR dataset (train/, test/, truth/, config.json) from the m-graph")
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --force)")
    .option("--force", "replace a non-empty output folder")
    .option("--quiet", "print no summary and no progress line (warnings and errors still go to stderr)")
    .option(
      "--do <NODE=MECHANISM[:param]>",
      "intervention: replace a node's mechanism, e.g. R_R=uniform:0.02, R_O=uniform:0.007, RecSys=uniform (repeatable; every other random stream is kept)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--graph <file>", "run this m-graph file (JSON/YAML, with the mechanism modules it names) instead of the CTAR preset; mechanism parameters come from the file")
    .option("--truth <level>", "'basic' (truth/*.csv) or 'full' (also truth/full.csv.gz: every (user, movie) before missingness) (default: basic)")
    .option("--propensity", "a world with a treatment (the ctar-uplift variant): also write train/propensity.csv.gz, P(T = 1) of every (user, movie) pair")
    .option("--format <format>", "table files: csv, parquet (NAME.parquet instead of NAME.csv) or both (default: csv)")
    .option("--workers <n>", "threads generating blocks of users, the main thread one of them unless the graph has mechanism modules (default: the machine's cores, at most 8, and one below 4 million user-movie pairs; the files are the same for any number)")
    .option("--replicates <K>", "write K datasets with seeds s … s+K−1 (s: --seed) in DIR/seed-<s>/, and DIR/summary.md + summary.json: mean ± sd over them of every `ctar stats` figure")
    .option("--sweep <OPTION=V1,V2,…>", "write one dataset per value of one numeric option (e.g. obs-temperature=2000,200,50) in DIR/OPTION=VALUE/, and DIR/sweep.json naming them (docs/replicates-and-sweeps.md)")
    .option("--shard <I/N>", "write only shard I (0-based) of N, a part for `ctar merge`; I may be 'auto' (from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX)");
  addConfigOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const config = configFromOptions(opts);
    const quiet = opts["quiet"] === true;
    const out = String(opts["out"]);
    // a dataset's config.json as --config: its interventions, truth level and graph file too, unless given
    const recorded = recordedDefaultsOf(opts["config"]);
    const truth = String(opts["truth"] ?? recorded?.truth ?? "basic");
    if (!(TRUTH_LEVELS as readonly string[]).includes(truth)) throw new ConfigError(`--truth: unknown level '${truth}' (expected ${TRUTH_LEVELS.join(" or ")})`);
    const doTexts = (opts["do"] as string[]).length > 0 || recorded === undefined ? (opts["do"] as string[]) : recorded.interventions;
    const workers = parseWorkers(opts["workers"]);
    const shard = opts["shard"] === undefined ? undefined : parseShard(String(opts["shard"]), process.env);
    const replicates = opts["replicates"] === undefined ? undefined : parseReplicates(String(opts["replicates"]));
    if (replicates !== undefined) checkReplicateSeeds(config.seed, replicates);
    if (replicates !== undefined && shard !== undefined) throw new ConfigError("--replicates: cannot be combined with --shard (shard each replicate with its own --seed instead)");
    const t0 = performance.now();
    const warn = (m: string) => {
      progress.clear();
      process.stderr.write(`ctar: warning: ${m}\n`);
    };
    const graphFile = typeof opts["graph"] === "string" ? opts["graph"] : recorded?.graphFile;
    const ignored = mechanismFlagsGiven(opts);
    if (graphFile !== undefined && ignored.length > 0) {
      throw new ConfigError(`--${ignored[0]} sets a mechanism parameter of the CTAR preset; with --graph ${graphFile} the parameters come from the graph file (edit it instead)`);
    }
    const build = (c: CtarConfig) => runInputsFromOptions(c, graphFile, doTexts, truth as "basic" | "full", parseFormat(opts["format"] ?? recorded?.format), opts["propensity"] === true || recorded?.propensity === true);
    const inputs = await build(config);
    // every value of a sweep is a whole configuration, checked (and its inputs built) before any writing
    const sweep = sweepPlan(opts, graphFile);
    const sweepInputsFor = sweep === undefined ? undefined : await sweepInputs(sweep, config.seed, build);
    // Validate the target before any work, so a refused --out costs nothing.
    // --force replaces only an earlier output of the same kind: a part (a retried shard job), a sweep, a replicates folder, a dataset
    const kind = shard !== undefined ? PART_KIND : sweep !== undefined ? SWEEP_KIND : replicates !== undefined ? REPLICATES_KIND : DATASET_KIND;
    const inputFiles = [opts["config"], graphFile].filter((f): f is string => typeof f === "string");
    const target = { force: opts["force"] === true, kind, inputs: inputFiles };
    checkOutputDir(out, target);
    const progress = new Progress(quiet ? undefined : process.stderr, shard === undefined ? config.users : undefined);
    const onProgress = (n: number, stage: string) => progress.update(n, stage);
    let files: Readonly<Record<string, { rows: number }>> = {};
    const seeds = Array.from({ length: replicates ?? 0 }, (_, i) => config.seed + i);
    // Generation runs inside the transaction, so the target's lock is held from the start: a
    // second writer fails at once, not after this one's work.
    await writeOutputDir(out, target, async (tmp) => {
      if (sweep !== undefined) await writeSweep(tmp, sweep.spec, sweepInputsFor!, { workers, warn, onProgress, seed: config.seed, ...(replicates === undefined ? {} : { seeds }) });
      else if (replicates !== undefined) {
        const inputsFor = async (seed: number) => (seed === config.seed ? inputs : build({ ...config, seed }));
        await writeReplicates(tmp, out, seeds, inputsFor, { workers, warn, onProgress });
      } else if (shard === undefined) files = (await generateInto(tmp, inputs, { workers, warn, onProgress })).files;
      else files = await writePart(tmp, inputs, shard, { workers, warn, onProgress: (n, s) => progress.update(n, s) });
    });
    progress.clear();
    if (!quiet) {
      const secs = (performance.now() - t0) / 1000;
      const dos = inputs.interventionTexts.length > 0 ? `, ${inputs.interventionTexts.map((t) => `do(${t})`).join(", ")}` : "";
      const what = sweep !== undefined ? sweepSummary(sweep, seeds) : shard !== undefined ? `shard ${shard.index}/${shard.count} of ` : replicates !== undefined ? `${replicates} replicates, seeds ${seeds[0]}…${seeds[seeds.length - 1]}, of ` : "";
      const seed = replicates === undefined ? `, seed ${config.seed}` : "";
      process.stdout.write(`ctar: wrote ${out} (${what}${config.users} users × ${config.movies} movies${seed}${dos}) in ${secs.toFixed(2)} s\n`);
      for (const [f, { rows }] of Object.entries(files)) process.stdout.write(`  ${f.padEnd(26)} ${rows} rows\n`);
    }
  });
}

/** The defaults a dataset's config.json given as --config adds; undefined for a plain config file. */
function recordedDefaultsOf(file: unknown): RecordedDefaults | undefined {
  if (typeof file !== "string") return undefined;
  const doc = readConfigFile(file);
  return isCtarRecord(doc) ? recordedDefaults(doc, file) : undefined;
}

/** The most replicates one command writes (each is a whole dataset folder; the seeds are listed in memory). */
const MAX_REPLICATES = 10_000;

function parseReplicates(raw: string): number {
  const k = decimalNumber(raw);
  if (k === undefined || !Number.isInteger(k) || k < 1 || k > MAX_REPLICATES) throw new ConfigError(`--replicates: expected a whole number from 1 to ${MAX_REPLICATES} (got '${raw}')`);
  return k;
}

/** The replicates' seeds s … s+K−1 must all be seeds (at most 2^53 − 1, as --seed). */
function checkReplicateSeeds(seed: number, k: number): void {
  if (seed + (k - 1) > Number.MAX_SAFE_INTEGER) {
    throw new ConfigError(`--replicates ${k}: with --seed ${seed} the last seed would be ${BigInt(seed) + BigInt(k - 1)}, above ${Number.MAX_SAFE_INTEGER}, the largest seed (use a smaller --seed)`);
  }
}
