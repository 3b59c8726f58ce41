import assert from "node:assert/strict";
import { test } from "node:test";
import { SeedTree } from "../../src/rng/stream.js";
import { chiSquareSurvival } from "../../src/verify/chi-square.js";
import { ClusterScore } from "../../src/verify/cluster-score.js";
import { cmhGeneralAssociation } from "../../src/verify/cmh.js";

/**
 * Null worlds with user-level effects on both sides: I_um ~ Bernoulli(a_u · p_m) and the column
 * X_um ∈ {0, 1, 2} drawn with a user trait b_u; a_u ⊥ b_u, so I ⊥ X | movie holds.
 */
function world(seed: number, users: number, movies: number) {
  const rng = new SeedTree(seed).stream("cluster-null");
  const ind: Uint8Array[] = [];
  const col: Int32Array[] = [];
  for (let u = 0; u < users; u++) {
    const a = Math.exp(1.2 * rng.normal() - 0.72);
    const b = rng.uniform();
    const i = new Uint8Array(movies);
    const c = new Int32Array(movies);
    for (let m = 0; m < movies; m++) {
      i[m] = rng.uniform() < Math.min(1, a * (0.05 + (0.2 * m) / movies)) ? 1 : 0;
      c[m] = rng.uniform() < b ? 2 : rng.uniform() < 0.5 ? 1 : 0;
    }
    ind.push(i);
    col.push(c);
  }
  return { ind, col };
}

function pValues(seed: number, users: number, movies: number) {
  const { ind, col } = world(seed, users, movies);
  const C = 3;
  const ones = new Float64Array(movies * C);
  const total = new Float64Array(movies * C);
  for (let u = 0; u < users; u++) {
    for (let m = 0; m < movies; m++) {
      total[m * C + col[u]![m]!]!++;
      ones[m * C + col[u]![m]!]! += ind[u]![m]!;
    }
  }
  const plain = cmhGeneralAssociation(ones, total, movies, C);
  const score = new ClusterScore(ones, total, movies, C);
  for (let u = 0; u < users; u++) score.add(ind[u]!, col[u]!, true);
  const robust = score.result();
  // Σ_u s_u is O − E of the CMH statistic: same statistic when the variance is the same, so check df.
  assert.equal(robust.df, plain.df);
  return { plain: chiSquareSurvival(plain.statistic, plain.df), robust: chiSquareSurvival(robust.statistic, robust.df) };
}

test("with users as clusters the size is right where the plain CMH rejects too often", () => {
  const reps = 400;
  let robust = 0;
  let plain = 0;
  for (let r = 0; r < reps; r++) {
    const p = pValues(100 + r, 150, 30);
    if (p.robust < 0.05) robust++;
    if (p.plain < 0.05) plain++;
  }
  const sigma = Math.sqrt((0.05 * 0.95) / reps);
  assert.ok(Math.abs(robust / reps - 0.05) < 3 * sigma, `cluster-robust size ${robust / reps}`);
  // The motivating failure: the hypergeometric variance ignores the within-user correlation.
  assert.ok(plain / reps > 0.05 + 3 * sigma, `plain CMH size ${plain / reps}`);
});
