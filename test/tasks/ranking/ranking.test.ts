/**
 * The ranking task (docs/tasks-ranking.md): its metrics worked by hand on tiny lists, the swap
 * estimator on a constructed log, the least-squares solve, and end to end on a small click world:
 * the truth the task records is the closed form of its rows, the task folder scores as the dataset
 * does, the click log is the same from a dataset generated with 1 and 2 workers, and the oracle
 * propensities are the exact k^−η.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scoreRanking } from "../../../src/tasks/ranking/ranking-metrics.js";
import type { RankingData } from "../../../src/tasks/ranking/ranking-data.js";
import { solve } from "../../../src/tasks/ranking/ranking-baselines.js";
import { swapPropensities } from "../../../src/tasks/ranking/swap-propensity.js";
import { ctar, tempDir } from "../../helpers/paths.js";

/** Five users of lists of 3 (user 4 is the one test user); grades and clicks as given. */
function tiny(grades: number[], click: number[] = [], swap: number[] = []): RankingData {
  const n = 15;
  return {
    users: 5,
    movies: 10,
    length: 3,
    maxGrade: 4,
    featureNames: ["bias"],
    movie: Int32Array.from({ length: n }, (_, i) => i % 3),
    click: Uint8Array.from({ length: n }, (_, i) => click[i] ?? 0),
    swap: Int32Array.from({ length: 5 }, (_, u) => swap[u] ?? 0),
    features: new Float64Array(n).fill(1),
    grade: Int32Array.from({ length: n }, (_, i) => (i >= 12 ? grades[i - 12]! : 0)),
    pExam: new Float64Array(n),
    pClick: new Float64Array(n),
  };
}

test("nDCG and ERR worked by hand", () => {
  // Test user 4: movies 0, 1, 2 with grades 0, 2, 1; the scores rank them 0, 1, 2.
  const d = tiny([0, 2, 1]);
  const score = new Float64Array(15);
  score.set([3, 2, 1], 12);
  const s = scoreRanking(d, score);
  // gains 0, 3, 1: DCG = 3/log2(3) + 1/2; ideal 3, 1, 0: IDCG = 3 + 1/log2(3).
  const ndcg = (3 / Math.log2(3) + 0.5) / (3 + 1 / Math.log2(3));
  assert.ok(Math.abs(s.ndcg5! - ndcg) < 1e-15);
  assert.ok(Math.abs(s.ndcg10! - ndcg) < 1e-15);
  // R = 0, 3/16, 1/16: ERR = 0 + (1/2)(3/16) + (1/3)(1/16)(13/16).
  assert.ok(Math.abs(s.err! - (3 / 32 + 13 / 768)) < 1e-15);
  assert.equal(s.users, 1);
  // Ties go to the lower movie id; an all-irrelevant test list is not scored.
  assert.equal(scoreRanking(tiny([0, 0, 0]), score).ndcg5, null);
});

test("result randomisation: p̂_k = (click rate at k when swapped with k) / (click rate at 1 unswapped)", () => {
  // Users 0, 1 unswapped (clicks at 1: 1, 1); user 2 swapped with 3 (click at 3); user 3 swapped with 2 (no click).
  const click = [1, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0];
  const { p, lists } = swapPropensities(tiny([0, 0, 0], click, [0, 0, 3, 2]));
  assert.deepEqual([...lists], [0, 2, 1, 1]);
  assert.deepEqual([...p], [0, 1, 0.01, 1]); // k = 2: no click, floored; k = 3: 1/1 over 2/2
});

test("solve: a 3 × 3 system", () => {
  const w = solve(Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]), Float64Array.from([5, 5, 3]), 3);
  [1, 1, 1].forEach((x, i) => assert.ok(Math.abs(w[i]! - x) < 1e-12));
});

test("end to end: the truth is the closed form, the task folder scores as the dataset, workers 1 and 2 give the same log", () => {
  const root = tempDir();
  const shown = ctar(["graph", "show", "--preset", "ctar-clicks"]);
  assert.equal(shown.status, 0, shown.stderr);
  const graph = join(root, "clicks.yaml");
  writeFileSync(graph, shown.stdout.replace("eta: 1 }", "eta: 0.7 }"));
  for (const w of ["1", "2"]) {
    const r = ctar(["generate", "--graph", graph, "--users", "200", "--movies", "100", "--seed", "3", "--workers", w, "--out", join(root, `d${w}`), "--quiet"]);
    assert.equal(r.status, 0, r.stderr);
    const t = ctar(["task", "ranking", join(root, `d${w}`), "--out", join(root, `t${w}`)]);
    assert.equal(t.status, 0, t.stderr);
  }
  const read = (f: string) => readFileSync(join(root, f), "utf8");
  for (const f of ["train.csv", "test.csv", "truth.csv"]) assert.equal(read(`t1/${f}`), read(`t2/${f}`), f);
  const truth = read("t1/truth.csv").trim().split("\n");
  assert.equal(truth[0], "userid,position,movieid,relevance,p_exam,p_click");
  assert.equal(truth.length - 1, 200 * 10);
  for (const line of truth.slice(1)) {
    const [, k, , y, pe, pc] = line.split(",").map(Number) as [number, number, number, number, number, number];
    assert.ok(Math.abs(pe - k ** -0.7) < 1e-15, line);
    assert.ok(Math.abs(pc - pe * (0.1 + (0.9 * (2 ** y - 1)) / 15)) < 1e-12, line);
  }
  const bench = ctar(["bench", join(root, "d1"), "--task", "ranking", "--out", join(root, "b"), "--predictions"]);
  assert.equal(bench.status, 0, bench.stderr);
  const row = (s: string, model: string) => s.split("\n").find((l) => l.startsWith(`| ${model} |`));
  for (const from of ["d1", "t1"]) {
    const s = ctar(["score", join(root, from), "--task", "ranking", "--predictions", join(root, "b/predictions/ipw-oracle.csv")]);
    assert.equal(s.status, 0, s.stderr);
    assert.equal(row(s.stdout, "ipw-oracle.csv")?.split("|").slice(2).join("|"), row(read("b/bench.md"), "ipw-oracle")?.split("|").slice(2).join("|"), from);
  }
  checkUltraExport(root, truth.slice(1));
});

/** `export --to ultra`: ULTRA's files point into each other, and the test split's labels and propensities are the task's truth. */
function checkUltraExport(root: string, truth: readonly string[]): void {
  const e = ctar(["export", join(root, "d1"), "--to", "ultra", "--out", join(root, "u"), "--quiet"]);
  assert.equal(e.status, 0, e.stderr);
  const lines = (f: string) => readFileSync(join(root, "u", f), "utf8").trim().split("\n");
  assert.deepEqual(JSON.parse(readFileSync(join(root, "u/settings.json"), "utf8")), { feature_size: 3, max_label: 4 });
  const feature = lines("test/test.feature");
  const labels = lines("test/test.labels");
  const propensity = lines("test/test.propensity");
  lines("test/test.init_list").forEach((l, q) => {
    const [qid, ...idx] = l.split(" ");
    const u = Number(qid!.slice(1));
    assert.equal(u % 5, 4);
    assert.equal(labels[q]!.split(" ")[0], qid);
    idx.forEach((i, j) => {
      const [, k, m, y, pe] = truth[u * 10 + j]!.split(",");
      assert.equal(feature[Number(i)]!.split(" ")[0], `u${u}_m${m}`);
      assert.equal(Number(k), j + 1);
      assert.equal(labels[q]!.split(" ")[j + 1], y);
      assert.equal(Number(propensity[q]!.split(" ")[j + 1]), Number(pe));
    });
  });
  assert.equal(lines("train/train.init_list").length + lines("valid/valid.init_list").length + labels.length, 200);
}
