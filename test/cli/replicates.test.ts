/**
 * `ctar generate --replicates K`: K complete datasets (seeds s … s+K−1, each the bytes a plain
 * `generate --seed` writes) and a summary whose means and sds agree with `ctar stats --json` run
 * on each replicate folder.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type CliResult, ctarAsync, inBatches, sameFiles, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "300", "--movies", "200", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const run = (args: readonly string[]): Promise<CliResult> => ctarAsync(args, { env: ENV });

/** Numeric leaves by dotted path, written here independently of src/stats/replicate-summary.ts. */
function leaves(v: unknown, p: string, out: Record<string, number>): Record<string, number> {
  if (typeof v === "number") out[p] = v;
  else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) leaves(x, p === "" ? k : `${p}.${k}`, out);
  return out;
}

test("generate --replicates 3 writes seed-11..13, each a plain run's bytes, and mean ± sd of every stats figure", async () => {
  const root = tempDir();
  const out = join(root, "reps");
  const [reps, plain] = await inBatches([
    () => run(["generate", "--out", out, "--replicates", "3", "--seed", "11", "--quiet", ...SMALL]),
    () => run(["generate", "--out", join(root, "plain12"), "--seed", "12", "--quiet", ...SMALL]),
  ]);
  assert.equal(reps!.status, 0, reps!.stderr);
  assert.equal(plain!.status, 0, plain!.stderr);
  assert.deepEqual(readdirSync(out).sort(), ["ctar-output.json", "seed-11", "seed-12", "seed-13", "summary.json", "summary.md"]);
  sameFiles(join(out, "seed-12"), join(root, "plain12"), "replicate seed-12 vs generate --seed 12");
  const stats = await inBatches([11, 12, 13].map((s) => () => run(["stats", join(out, `seed-${s}`), "--json"])));
  const flat = stats.map((r) => leaves(JSON.parse(r.stdout), "", {}));
  const summary = JSON.parse(readFileSync(join(out, "summary.json"), "utf8")) as { replicates: number; seeds: number[]; figures: Record<string, { mean: number; sd: number; values: number[] }> };
  assert.equal(summary.replicates, 3);
  assert.deepEqual(summary.seeds, [11, 12, 13]);
  const paths = new Set(flat.flatMap((f) => Object.keys(f)));
  assert.deepEqual(Object.keys(summary.figures).sort(), [...paths].sort(), "every figure of ctar stats is summarised");
  for (const p of paths) {
    const xs = flat.map((f) => f[p] ?? 0);
    const mean = (xs[0]! + xs[1]! + xs[2]!) / 3;
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 2);
    const f = summary.figures[p]!;
    assert.deepEqual(f.values, xs, p);
    assert.ok(Math.abs(f.mean - mean) <= 1e-12 * Math.max(1, Math.abs(mean)), `${p}: mean ${f.mean} vs ${mean}`);
    assert.ok(Math.abs(f.sd - sd) <= 1e-12 * Math.max(1, sd), `${p}: sd ${f.sd} vs ${sd}`);
  }
  assert.ok(summary.figures["rating.rows"]!.sd > 0, "three seeds give three different rating counts");
  const md = readFileSync(join(out, "summary.md"), "utf8");
  const r = summary.figures["rating.rows"]!;
  assert.match(md, new RegExp(`\\| rating\\.rows \\| ${Number(r.mean.toPrecision(6))} ± ${Number(r.sd.toPrecision(6))} \\|`));
});

test("--replicates refuses 0, a fraction and --shard, writing nothing", async () => {
  const root = tempDir();
  for (const [args, what] of [[["--replicates", "0"], /--replicates: expected a whole number from 1 to 10000 \(got '0'\)/], [["--replicates", "1.5"], /got '1\.5'/], [["--replicates", "2", "--shard", "0/2"], /cannot be combined with --shard/]] as const) {
    const r = await run(["generate", "--out", join(root, "x"), ...args, ...SMALL]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, what);
    assert.equal(r.stderr.split("\n").length, 2, "one line");
  }
  assert.ok(!existsSync(join(root, "x")));
});

test("--replicates --force replaces a replicates folder, and no other kind of folder", async () => {
  const root = tempDir();
  const out = join(root, "reps");
  const args = ["generate", "--out", out, "--replicates", "2", "--quiet", ...SMALL];
  assert.equal((await run(args)).status, 0);
  const again = await run([...args, "--force", "--seed", "5"]);
  assert.equal(again.status, 0, again.stderr);
  assert.deepEqual(readdirSync(out).sort(), ["ctar-output.json", "seed-5", "seed-6", "summary.json", "summary.md"]);
  const plain = join(root, "plain");
  assert.equal((await run(["generate", "--out", plain, "--quiet", ...SMALL])).status, 0);
  const r = await run(["generate", "--out", plain, "--replicates", "2", "--force", ...SMALL]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not a ctar replicates folder/);
});
