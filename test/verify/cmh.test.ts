import assert from "node:assert/strict";
import { test } from "node:test";
import { SeedTree } from "../../src/rng/stream.js";
import { chiSquareSurvival } from "../../src/verify/chi-square.js";
import { cmhGeneralAssociation } from "../../src/verify/cmh.js";

test("one stratum, 2×2: (n − 1)/n times Pearson's X², df 1", () => {
  // Table (rows I = 1, I = 0): [[10, 20], [30, 40]]; Pearson X² by hand:
  // n = 100, rows 30/70, columns 40/60; E = [[12, 18], [28, 42]];
  // X² = 4/12 + 4/18 + 4/28 + 4/42 = 0.7936507936507936.
  const r = cmhGeneralAssociation(Float64Array.of(10, 20), Float64Array.of(40, 60), 1, 2);
  assert.equal(r.df, 1);
  assert.ok(Math.abs(r.statistic - (99 / 100) * 0.7936507936507936) < 1e-12);
});

test("2×2×K: equals the classic Mantel–Haenszel statistic without continuity correction", () => {
  // Two strata, each [[a, b], [c, d]] with rows I = 1, I = 0.
  const strata = [
    [12, 5, 7, 9],
    [3, 8, 10, 6],
  ];
  let num = 0;
  let den = 0;
  for (const [a, b, c, d] of strata) {
    const n = a! + b! + c! + d!;
    num += a! - ((a! + b!) * (a! + c!)) / n;
    den += ((a! + b!) * (c! + d!) * (a! + c!) * (b! + d!)) / (n * n * (n - 1));
  }
  const classic = (num * num) / den;
  const ones = Float64Array.from(strata.flatMap(([a, b]) => [a!, b!]));
  const total = Float64Array.from(strata.flatMap(([a, b, c, d]) => [a! + c!, b! + d!]));
  const r = cmhGeneralAssociation(ones, total, 2, 2);
  assert.equal(r.df, 1);
  assert.ok(Math.abs(r.statistic - classic) < 1e-12, `${r.statistic} vs ${classic}`);
});

test("empty columns and constant strata drop out of the degrees of freedom", () => {
  // Column 2 never occurs; stratum 1 has I = 1 everywhere (no information).
  const ones = Float64Array.of(5, 7, 0, 4, 6, 0);
  const total = Float64Array.of(9, 15, 0, 4, 6, 0);
  const r = cmhGeneralAssociation(ones, total, 2, 3);
  assert.equal(r.df, 1);
  assert.equal(r.n, 24);
});

test("under independence the p-values are uniform: P(p < 0.05) within 3σ of 0.05", () => {
  const rng = new SeedTree(2024).stream("cmh-null");
  const reps = 600;
  const K = 10;
  const C = 3;
  let below = 0;
  for (let rep = 0; rep < reps; rep++) {
    const ones = new Float64Array(K * C);
    const total = new Float64Array(K * C);
    for (let h = 0; h < K; h++) {
      const p1 = 0.1 + 0.08 * h; // P(I = 1) varies by stratum, not by column
      for (let i = 0; i < 40; i++) {
        const j = rng.int(C);
        total[h * C + j]!++;
        if (rng.bernoulli(p1)) ones[h * C + j]!++;
      }
    }
    const r = cmhGeneralAssociation(ones, total, K, C);
    if (chiSquareSurvival(r.statistic, r.df) < 0.05) below++;
  }
  const share = below / reps;
  const sigma = Math.sqrt((0.05 * 0.95) / reps);
  assert.ok(Math.abs(share - 0.05) < 3 * sigma, `share ${share}`);
});
