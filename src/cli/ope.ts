/**
 * `ctar ope DIR --policy FILE|popularity|random`: the exact value of a recommendation policy on a
 * generated dataset (its potential outcomes regenerated from DIR/config.json), next to the naive,
 * IPS and SNIPS estimates from the observed ratings with the exact propensities, and the direct
 * method (DM) and doubly robust (DR) estimates with an MF reward model fitted on those ratings.
 */
import { Progress } from "./progress.js";
import { existsSync } from "node:fs";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { checkOutputFile, writeOutputFile } from "../io/fs/output.js";
import { CsvWriter } from "../io/tables/csv-writer.js";
import { openDatasetPolicyRun } from "../io/recorded/dataset-policy-run.js";
import { readPolicyFile } from "../io/inputs/read-policy.js";
import { evaluatePolicy } from "../truth/evaluate-policy.js";
import { type Recommendations, popularityPolicy, randomPolicy, topKByScore } from "../truth/recommendations.js";
import { readWorldSet } from "../io/dataset/world-set.js";
import { type OpeResult, opeOverWorlds } from "./ope-worlds.js";
import { fitRewardModel, rewardModelOf } from "../tasks/ope/reward-model.js";

/** The policies `--policy` names instead of a file. */
const BUILTIN_POLICIES = ["popularity", "random"];

function positiveInt(flag: string, raw: unknown): number {
  const s = String(raw);
  const x = Number(s);
  if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(x) || x < 1) throw new ConfigError(`${flag}: expected a whole number ≥ 1 (got '${s}')`);
  return x;
}

export function nonNegativeInt(flag: string, raw: unknown): number {
  const s = String(raw);
  const x = Number(s);
  if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(x)) throw new ConfigError(`${flag}: expected a whole number ≥ 0 (got '${s}')`);
  return x;
}

/** The reward model's settings (`--epochs`, `--model-seed`). */
export interface RewardSettings {
  readonly epochs: number;
  readonly seed: number;
}

/** Evaluates `policy` (popularity, random or a file) top-k on the dataset folder `dir`. */
export async function evaluateOnDataset(dir: string, policy: string, requested: number, policySeed: unknown, reward: RewardSettings): Promise<OpeResult> {
  const progress = new Progress(process.stderr, undefined);
  progress.step(`ope: rebuilding the world of ${dir}`);
  const run = await openDatasetPolicyRun(dir);
  const { users, movies } = run.config;
  const counter = new Progress(process.stderr, users);
  // A top-k list has at most one entry per movie: a larger k is the whole catalog.
  const k = Math.min(requested, movies);
  try {
    let rec: Recommendations;
    if (policy === "popularity") rec = popularityPolicy(users, movies, k);
    else if (policy === "random") rec = randomPolicy(users, movies, k, nonNegativeInt("--policy-seed", policySeed));
    else rec = topKByScore(users, readPolicyFile(policy, users, movies), k);
    // --epochs 0: no reward model (DM and DR n/a), the evaluation stays one streamed pass
    if (reward.epochs > 0) progress.step(`ope: fitting the reward model (MF on the observed ratings, ${reward.epochs} epochs)`);
    const model = reward.epochs > 0 ? rewardModelOf(fitRewardModel(users, movies, run.observed, { epochs: reward.epochs, precision: "f64", seed: reward.seed, run: 0 })) : undefined;
    const v = evaluatePolicy({ engine: run.engine, users, movies, policy: rec, observed: run.observed, source: run.ratingFile, ...(model === undefined ? {} : { rewardModel: model }), onUser: (n) => counter.update(n, "policy value") });
    return { v, rec, k, users, interventions: run.interventions };
  } finally {
    run.dispose();
    progress.clear();
    counter.clear();
  }
}

const fmt = (x: number) => (Number.isNaN(x) ? "n/a" : x.toFixed(4));
const signed = (x: number) => (Number.isNaN(x) ? "" : `  (error ${x >= 0 ? "+" : ""}${x.toFixed(4)})`);

export function registerOpe(program: Command): void {
  program
    .command("ope")
    .description("exact value of a recommendation policy from the potential outcomes, with naive, IPS, SNIPS, DM and DR estimates")
    .argument("<dir>", "a dataset folder written by 'ctar generate'")
    .requiredOption("--policy <policy>", "a CSV file userid,movieid,score, or 'popularity' (the k most popular movies for all) or 'random' (k uniform movies per user)")
    .option("--k <n>", "recommendations per user: the top-k by score (ties: smaller movie id)", "10")
    .option("--policy-seed <n>", "seed of the 'random' policy", "0")
    .option("--epochs <n>", "training epochs of the reward model of DM and DR (MF on the observed ratings; 0: none, DM and DR n/a)", "100")
    .option("--model-seed <n>", "seed of the reward model's initialisation and shuffling", "0")
    .option("--save-policy <file>", "also write the policy's top-k lists as userid,movieid,score (score = −rank)")
    .option("--json", "print the result as JSON", false)
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const requested = positiveInt("--k", opts["k"]);
      const reward = { epochs: nonNegativeInt("--epochs", opts["epochs"]), seed: nonNegativeInt("--model-seed", opts["modelSeed"]) };
      nonNegativeInt("--policy-seed", opts["policySeed"]); // checked before any work, whichever the policy
      const policy = String(opts["policy"]);
      if (!BUILTIN_POLICIES.includes(policy) && !existsSync(policy)) {
        throw new ConfigError(`--policy: unknown policy '${policy}', and no such file (expected a CSV file userid,movieid,score, or one of ${BUILTIN_POLICIES.join(", ")})`);
      }
      const save = typeof opts["savePolicy"] === "string" ? opts["savePolicy"] : undefined;
      // a folder of replicates or of a sweep: the policy evaluated on every world (cli/ope-worlds.ts)
      const worlds = readWorldSet(dir);
      if (worlds.kind !== "dataset") {
        if (save !== undefined) throw new ConfigError(`--save-policy: not with a folder of ${worlds.worlds.length} worlds (${dir}); evaluate one world, e.g. ${worlds.worlds[0]!.dir}`);
        process.stdout.write(await opeOverWorlds(worlds, policy, (d) => evaluateOnDataset(d, policy, requested, opts["policySeed"], reward), opts["json"] === true));
        return;
      }
      const builtIn = policy === "popularity" || policy === "random";
      const target = { what: "the policy file", option: "--save-policy", inputs: builtIn ? [dir] : [dir, policy] };
      if (save !== undefined) checkOutputFile(save, target); // before the work
      const { v, rec, k, users, interventions } = await evaluateOnDataset(dir, policy, requested, opts["policySeed"], reward);
      const clamped = k < requested ? `--k ${requested} clamped to the ${k} movies of the dataset` : undefined;

      if (save !== undefined) {
        writeOutputFile(save, target, (tmp) => {
          const w = new CsvWriter(tmp, "userid,movieid,score");
          for (let u = 0; u < users; u++) for (let i = rec.start[u]!; i < rec.start[u + 1]!; i++) w.line(`${u},${rec.movie[i]},${-(i - rec.start[u]!)}`);
          w.close();
        });
      }
      if (opts["json"] === true) {
        const num = (x: number) => (Number.isNaN(x) ? null : x);
        const out = {
          dataset: dir,
          policy,
          k,
          ...(clamped === undefined ? {} : { k_requested: requested, note: clamped }),
          users: v.users,
          pairs: v.pairs,
          observed_pairs: v.observedPairs,
          true_value: v.trueValue,
          naive: num(v.naive),
          ips: num(v.ips),
          snips: num(v.snips),
          dm: num(v.dm),
          dr: num(v.dr),
          reward_model: { model: "mf", epochs: reward.epochs, seed: reward.seed },
          interventions,
        };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const lines = [
        `ctar ope: policy ${policy}, top-${k}, ${v.users} users, ${v.pairs} recommended pairs, ${v.observedPairs} with an observed rating`,
        ...(clamped === undefined ? [] : [`  note        ${clamped}`]),
        `  true value  ${fmt(v.trueValue)}  (mean over users of the mean true rating R of the recommended movies)`,
        `  naive       ${fmt(v.naive)}${signed(v.naive - v.trueValue)}`,
        `  IPS         ${fmt(v.ips)}${signed(v.ips - v.trueValue)}`,
        `  SNIPS       ${fmt(v.snips)}${signed(v.snips - v.trueValue)}`,
        `  DM          ${fmt(v.dm)}${signed(v.dm - v.trueValue)}`,
        `  DR          ${fmt(v.dr)}${signed(v.dr - v.trueValue)}`,
        ...(v.exactPropensities ? [] : ["  note        IPS, SNIPS and DR n/a: the graph's rating missingness records no exact probability P(R_R = 1)"]),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
    });
}
