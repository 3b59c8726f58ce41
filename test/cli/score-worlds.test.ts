/**
 * `ctar score` on a folder of worlds: one predictions file a world (a folder of `<world>.csv`, or
 * a path with `{world}`), each world's figures exactly those of `ctar score WORLD`, and each figure
 * the mean ± sample sd of them over the worlds (replicates) or over each value's worlds (sweep).
 * A world's file missing is one message, exit 3; a single file for many worlds, exit 2.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { type CliResult, ctarAsync, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "100", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const run = (args: readonly string[]): Promise<CliResult> => ctarAsync(args, { env: ENV });
const root = tempDir();
const reps = join(root, "reps");
const sweep = join(root, "sweep");
const SEEDS = [9527, 9528];
const VALUES = ["rating-temperature=500", "rating-temperature=10"];

type Figures = Record<string, number | null>;
interface WorldJson { world: string; seed?: number; value?: number; predictions: string; metrics: Figures }
type Over = Record<string, { mean: number; sd: number | null; worlds: number } | null>;

async function ok(args: readonly string[]): Promise<string> {
  const r = await run(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** mf's predictions of every user × movie of `world`, from `bench --predictions`, copied to `to`. */
async function predictionsOf(world: string, to: string): Promise<void> {
  const b = `${to}.bench`;
  await ok(["bench", world, "--task", "ratings", "--models", "mf", "--runs", "1", "--epochs", "2", "--workers", "1", "--out", b, "--predictions", "--prediction-pairs", "all"]);
  copyFileSync(join(b, "predictions", "mf-run0.csv"), to);
}

before(async () => {
  await ok(["generate", "--out", reps, "--replicates", "2", "--quiet", ...SMALL]);
  await ok(["generate", "--out", sweep, "--sweep", "rating-temperature=500,10", "--quiet", ...SMALL]);
  mkdirSync(join(root, "preds"));
  mkdirSync(join(root, "sweep-preds"));
  for (const s of SEEDS) await predictionsOf(join(reps, `seed-${s}`), join(root, "preds", `seed-${s}.csv`));
  for (const v of VALUES) await predictionsOf(join(sweep, v), join(root, "sweep-preds", `${v}-mf.csv`));
});

async function single(world: string, file: string): Promise<Figures> {
  return (JSON.parse(await ok(["score", world, "--task", "ratings", "--predictions", file, "--json"])) as { metrics: Figures }).metrics;
}

test("score on replicates: each world as `score WORLD`, each figure mean ± sample sd over the worlds", async () => {
  const preds = join(root, "preds");
  const j = JSON.parse(await ok(["score", reps, "--task", "ratings", "--predictions", preds, "--json"])) as { kind: string; worlds: WorldJson[]; overWorlds: Over };
  assert.equal(j.kind, "score-replicates");
  assert.deepEqual(j.worlds.map((w) => [w.world, w.seed, w.predictions]), SEEDS.map((s) => [`seed-${s}`, s, join(preds, `seed-${s}.csv`)]));
  const each: Figures[] = [];
  for (const s of SEEDS) each.push(await single(join(reps, `seed-${s}`), join(preds, `seed-${s}.csv`)));
  j.worlds.forEach((w, i) => assert.deepEqual(w.metrics, each[i]));
  for (const k of ["mse", "mae", "auc", "ndcg5", "pop_risk", "gap"]) {
    const [a, b] = each.map((e) => e[k]!);
    const f = j.overWorlds[k]!;
    assert.ok(Math.abs(f.mean - (a! + b!) / 2) <= 1e-12, `${k} mean`);
    assert.ok(Math.abs(f.sd! - Math.abs(a! - b!) / Math.SQRT2) <= 1e-12, `${k} sd`);
    assert.equal(f.worlds, 2);
  }
  // the same files named by a {world} path, in Markdown: a row per world and the mean ± sd row
  const md = await ok(["score", reps, "--task", "ratings", "--predictions", join(preds, "{world}.csv")]);
  assert.match(md, /^## ratings: .*\{world\}\.csv over 2 replicate worlds of /);
  assert.match(md, /\n\| seed-9527 \| \d\.\d{4} \| /);
  assert.match(md, /\n\| mean ± sd \| \d\.\d{4} ± \d\.\d{4} \| /);
});

test("score on a sweep: a row per value, {world} naming each value's folder", async () => {
  const pattern = join(root, "sweep-preds", "{world}-mf.csv");
  const j = JSON.parse(await ok(["score", sweep, "--task", "ratings", "--predictions", pattern, "--json"])) as { kind: string; parameter: string; values: { value: number; overWorlds: Over; worlds: WorldJson[] }[] };
  assert.equal(j.kind, "score-sweep");
  assert.equal(j.parameter, "rating-temperature");
  assert.deepEqual(j.values.map((v) => v.value), [500, 10]);
  for (const [i, v] of VALUES.entries()) {
    const e = await single(join(sweep, v), join(root, "sweep-preds", `${v}-mf.csv`));
    assert.deepEqual(j.values[i]!.worlds[0]!.metrics, e);
    assert.deepEqual(j.values[i]!.overWorlds["mse"], { mean: e["mse"], sd: null, worlds: 1 });
  }
  const md = await ok(["score", sweep, "--task", "ratings", "--predictions", pattern]);
  assert.match(md, /\n\| rating-temperature \| MSE \| /);
  assert.match(md, /\n\| 500 \| \d\.\d{4} \| /);
  assert.match(md, /\n\| 10 \| \d\.\d{4} \| /);
});

test("a world's predictions missing: one message naming the file, exit 3; a single file for many worlds: exit 2", async () => {
  const partial = join(root, "partial");
  mkdirSync(partial);
  copyFileSync(join(root, "preds", "seed-9527.csv"), join(partial, "seed-9527.csv"));
  const missing = await run(["score", reps, "--task", "ratings", "--predictions", partial]);
  assert.equal(missing.status, 3, missing.stderr);
  assert.equal(missing.stdout, "");
  assert.equal(missing.stderr.trim().split("\n").length, 1, missing.stderr);
  assert.match(missing.stderr, /partial\/seed-9528\.csv: file not found \(the predictions of world seed-9528 of /);
  const placeholder = await run(["score", reps, "--task", "ratings", "--predictions", join(root, "nope", "{world}.csv")]);
  assert.equal(placeholder.status, 3);
  assert.match(placeholder.stderr, /nope\/seed-9527\.csv: file not found/);
  const one = await run(["score", reps, "--task", "ratings", "--predictions", join(root, "preds", "seed-9527.csv")]);
  assert.equal(one.status, 2, one.stderr);
  assert.match(one.stderr, /--predictions: .* holds 2 worlds, so give one predictions file a world/);
  const world = await run(["score", join(reps, "seed-9527"), "--task", "ratings", "--predictions", join(root, "preds", "{world}.csv")]);
  assert.equal(world.status, 2, world.stderr);
  assert.match(world.stderr, /\{world\} stands for a world of a replicates or sweep folder/);
});
