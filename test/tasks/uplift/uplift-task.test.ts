/**
 * The uplift task (docs/tasks-uplift.md): the causal metrics worked by hand (ties shared), the
 * low-rank fit recovering an exactly low-rank matrix, and end to end on a small ctar-uplift world:
 * the task folder is byte-identical from worlds made with 1 and 2 workers, `ctar score` of the
 * exact τ gives the bench's ceiling row, no baseline beats that ceiling, bench --predictions are
 * scored to the bench's own figures, and the recorded propensities make the IPS mean unbiased.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { SeedTree } from "../../../src/rng/stream.js";
import { CausalRanking } from "../../../src/tasks/uplift/causal-metrics.js";
import { lowRankFit, lowRankRow } from "../../../src/tasks/uplift/low-rank.js";
import { ctar, tempDir } from "../../helpers/paths.js";

test("CP@k and CDCG of one user, by hand, with a tied group sharing its places", () => {
  const r = new CausalRanking(4);
  const out = new Float64Array(2);
  r.user(Float64Array.from([3, 2, 1, 0]), Float64Array.from([0.1, 0.2, 0.3, 0.4]), [2], out);
  assert.ok(Math.abs(out[0]! - 0.15) < 1e-15);
  assert.ok(Math.abs(out[1]! - (0.1 + 0.2 / Math.log2(3) + 0.3 / 2 + 0.4 / Math.log2(5))) < 1e-15);
  // Movies 0 and 1 tie at the top: each takes half of place 1 and half of place 2.
  const t = new CausalRanking(3);
  t.user(Float64Array.from([1, 1, 0]), Float64Array.from([0.2, 0.4, 0.6]), [1], out);
  assert.ok(Math.abs(out[0]! - 0.3) < 1e-15);
  assert.ok(Math.abs(out[1]! - (0.3 * (1 + 1 / Math.log2(3)) + 0.6 / 2)) < 1e-15);
  // A pair left out (−Infinity) ranks below every given one.
  t.user(Float64Array.from([-Infinity, 0.5, -Infinity]), Float64Array.from([0.2, 0.4, 0.6]), [1], out);
  assert.ok(Math.abs(out[0]! - 0.4) < 1e-15);
});

test("the low-rank fit recovers an exactly rank-2 matrix", () => {
  const users = 30;
  const movies = 20;
  const a = (u: number, m: number) => Math.sin(u + 1) * Math.cos(m) + 0.5 * (u % 3) * ((m % 4) - 1.5);
  const start = Int32Array.from({ length: users + 1 }, (_, u) => u * movies);
  const col = Int32Array.from({ length: users * movies }, (_, i) => i % movies);
  const val = Float64Array.from({ length: users * movies }, (_, i) => a(Math.floor(i / movies), i % movies));
  const fit = lowRankFit({ users, movies, start, col, val }, 2, 30, new SeedTree(1).stream("test"));
  const row = new Float64Array(movies);
  for (let u = 0; u < users; u++) {
    lowRankRow(fit, u, row);
    for (let m = 0; m < movies; m++) assert.ok(Math.abs(row[m]! - a(u, m)) < 1e-9, `(${u}, ${m}): ${row[m]} vs ${a(u, m)}`);
  }
});

const root = tempDir();
type Figures = Record<string, number>;
interface BenchJson {
  reference: { ceiling: Figures; tied: Figures };
  models: { name: string; runs: Figures[] }[];
}
let bench: BenchJson;

function ok(args: string[]): string {
  const r = ctar(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

before(() => {
  const graph = join(root, "uplift.yaml");
  writeFileSync(graph, ok(["graph", "show", "--preset", "ctar-uplift"]));
  const small = ["--graph", graph, "--users", "150", "--movies", "80", "--test2-draws", "60", "--test2-positives", "20", "--test3-draws", "60", "--test3-positives", "20", "--seed", "3", "--quiet"];
  ok(["generate", "--out", join(root, "w1"), "--workers", "1", ...small]);
  ok(["generate", "--out", join(root, "w2"), "--workers", "2", ...small]);
  ok(["task", "uplift", join(root, "w1"), "--out", join(root, "t1")]);
  ok(["task", "uplift", join(root, "w2"), "--out", join(root, "t2")]);
  bench = JSON.parse(ok(["bench", join(root, "w1"), "--task", "uplift", "--out", join(root, "b"), "--predictions", "--json"])) as BenchJson;
});

function score(dir: string, file: string): Figures {
  return (JSON.parse(ok(["score", dir, "--task", "uplift", "--predictions", file, "--json"])) as { metrics: Figures }).metrics;
}

test("the task folder does not depend on the number of workers that made the world", () => {
  // The card (README.md, task.json) names the source folder; the data files must match byte for byte.
  for (const f of ["sizes.csv", "train.csv", "propensity.csv", "truth.csv"]) assert.ok(readFileSync(join(root, "t1", f)).equals(readFileSync(join(root, "t2", f))), f);
});

test("score of the exact τ is the bench's ceiling; no baseline beats it; the tied ranking is the mean τ", () => {
  const truth = readFileSync(join(root, "t1", "truth.csv"), "utf8").trim().split("\n").slice(1);
  const file = join(root, "exact.csv");
  writeFileSync(file, "userid,movieid,uplift\n" + truth.map((l) => { const c = l.split(","); return `${c[0]},${c[1]},${c[4]}`; }).join("\n") + "\n");
  const mean = truth.reduce((s, l) => s + Number(l.split(",")[4]), 0) / truth.length;
  for (const dir of [join(root, "w1"), join(root, "t1")]) assert.deepEqual(score(dir, file), bench.reference.ceiling);
  assert.ok(Math.abs(bench.reference.tied["cp100"]! - mean) < 1e-12, `tied CP@100 ${bench.reference.tied["cp100"]} vs mean τ ${mean}`);
  for (const m of bench.models) for (const r of m.runs) for (const k of ["cp10", "cp100", "cdcg"]) assert.ok(r[k]! <= bench.reference.ceiling[k]! + 1e-12, `${m.name} ${k}`);
  assert.equal(bench.models.length, 7);
});

test("bench --predictions are scored to the bench's figures", () => {
  for (const m of bench.models) {
    m.runs.forEach((figures, run) => {
      const got = score(join(root, "t1"), join(root, "b", "predictions", `${m.name}-run${run}.csv`));
      for (const k of Object.keys(figures)) assert.ok(Math.abs(got[k]! - figures[k]!) < 1e-12, `${m.name} run ${run} ${k}: ${got[k]} vs ${figures[k]}`);
    });
  }
});

test("the oracle propensities make IPS unbiased: its mean over every pair meets the mean τ within 5 standard errors", () => {
  const rows = (f: string) => readFileSync(join(root, "t1", f), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").map(Number));
  const train = rows("train.csv");
  const p = rows("propensity.csv");
  const truth = rows("truth.csv");
  const pairs = truth.length;
  const meanTau = truth.reduce((s, r) => s + r[4]!, 0) / pairs;
  // z = Rec·Y/P − (1 − Rec)·Y/(1 − P): E[z] = τ for every pair; Σ z² bounds the variance of Σ z.
  let sum = 0;
  let squares = 0;
  train.forEach(([, , rec, y], i) => {
    const z = y === 0 ? 0 : rec === 1 ? 1 / p[i]![2]! : -1 / (1 - p[i]![2]!);
    sum += z;
    squares += z * z;
  });
  const se = Math.sqrt(squares) / pairs;
  assert.ok(Math.abs(sum / pairs - meanTau) <= 5 * se, `IPS ${sum / pairs} vs mean τ ${meanTau} (se ${se})`);
});
