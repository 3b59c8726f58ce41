import assert from "node:assert/strict";
import { test } from "node:test";
import { chiSquareSurvival, lnGamma, regularizedGammaQ } from "../../src/verify/chi-square.js";

/** Exact survival for even df: e^{-x/2} Σ_{k<df/2} (x/2)^k / k! (the Poisson identity). */
function evenDfSurvival(x: number, df: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < df / 2; k++) {
    term *= x / 2 / k;
    sum += term;
  }
  return Math.exp(-x / 2) * sum;
}

test("lnGamma matches factorials and Γ(1/2) = √π", () => {
  let f = 0;
  for (let n = 1; n <= 30; n++) {
    assert.ok(Math.abs(lnGamma(n) - f) < 1e-12 * Math.max(1, f), `lnGamma(${n})`);
    f += Math.log(n);
  }
  assert.ok(Math.abs(lnGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-14);
  assert.ok(Math.abs(lnGamma(0.1) - Math.log(9.513507698668732)) < 1e-13); // Γ(0.1), reflection branch
});

test("the chi-square survival function equals the closed form for even df (series and continued fraction)", () => {
  for (const df of [2, 4, 10, 50, 300]) {
    for (const x of [0.01, 0.5, 1, 3, 10, 40, 100, 299, 400]) {
      const want = evenDfSurvival(x, df);
      const got = chiSquareSurvival(x, df);
      assert.ok(Math.abs(got - want) <= 1e-12 + 1e-10 * want, `df ${df}, x ${x}: got ${got}, want ${want}`);
    }
  }
});

test("odd df: tabulated quantiles give their tail probabilities", () => {
  // Upper quantiles of χ² from standard tables (R: qchisq(1 - p, df)).
  const cases: Array<[number, number, number]> = [
    [3.841458820694124, 1, 0.05],
    [6.634896601021214, 1, 0.01],
    [7.814727903251178, 3, 0.05],
    [11.07049769351635, 5, 0.05],
    [15.08627246938899, 5, 0.01],
  ];
  for (const [x, df, p] of cases) assert.ok(Math.abs(chiSquareSurvival(x, df) - p) < 1e-12, `df ${df}`);
  // df = 1: P(X ≥ x) = P(|Z| ≥ √x); at x = 1 that is 0.31731050786291415 (2·(1 − Φ(1))).
  assert.ok(Math.abs(chiSquareSurvival(1, 1) - 0.31731050786291415) < 1e-13);
});

test("edges: x = 0, df = 0, Q(a, 0) = 1, bad arguments refused", () => {
  assert.equal(chiSquareSurvival(0, 4), 1);
  assert.equal(chiSquareSurvival(12, 0), 1);
  assert.equal(regularizedGammaQ(3, 0), 1);
  assert.ok(chiSquareSurvival(2000, 4) < 1e-300);
  assert.throws(() => regularizedGammaQ(0, 1), RangeError);
  assert.throws(() => chiSquareSurvival(1, -1), RangeError);
});
