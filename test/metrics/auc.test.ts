import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { rocAuc } from "../../src/metrics/auc.js";
import { meanSquaredError } from "../../src/metrics/mse.js";

/** Brute force over all (positive, negative) pairs: 1 if the positive scores higher, ½ if tied. */
function pairwiseAuc(s: number[], y: number[]): number | null {
  let num = 0;
  let den = 0;
  for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) if (y[i] === 1 && y[j] === 0) {
    den++;
    num += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
  }
  return den === 0 ? null : num / den;
}

test("AUC of hand-worked cases", () => {
  // scikit-learn's documented example: roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) = 0.75
  assert.equal(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  assert.equal(rocAuc([1, 2, 3], [0, 1, 1]), 1);
  assert.equal(rocAuc([3, 2, 1], [0, 1, 1]), 0);
  // all tied: every pair counts ½
  assert.equal(rocAuc([5, 5, 5, 5], [0, 1, 0, 1]), 0.5);
  // pairs (p=2: n=1 below, n=2 tied ½) (p=3: n=1,2 below): (1 + 0.5 + 2) / (2·2) = 0.875
  assert.equal(rocAuc([1, 2, 2, 3], [0, 1, 0, 1]), 0.875);
});

test("AUC is undefined (null) for a one-class set, and rejects bad input", () => {
  assert.equal(rocAuc([0.3, 0.4], [1, 1]), null);
  assert.equal(rocAuc([0.3, 0.4], [0, 0]), null);
  assert.equal(rocAuc([], []), null);
  assert.throws(() => rocAuc([1, 2], [0, 2]), RangeError);
  assert.throws(() => rocAuc([1, NaN], [0, 1]), RangeError);
  assert.throws(() => rocAuc([1], [0, 1]), RangeError);
});

const scored = fc
  .array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 60 })
  .filter((xs) => xs.some((x) => x[1] === 1) && xs.some((x) => x[1] === 0));

test("property: AUC equals the pairwise count and AUC(−s) = 1 − AUC(s), ties included", () => {
  fc.assert(
    fc.property(scored, (xs) => {
      const s = xs.map((x) => x[0] / 2);
      const y = xs.map((x) => x[1]);
      const a = rocAuc(s, y)!;
      assert.ok(Math.abs(a - pairwiseAuc(s, y)!) < 1e-12);
      assert.ok(Math.abs(rocAuc(s.map((v) => -v), y)! - (1 - a)) < 1e-12);
    }),
    { seed: 20220223, numRuns: 300 },
  );
});

test("MSE of a hand-worked case; null when empty", () => {
  // ((0.5−1)² + (0.5−0)² + (2−1)²)/3 = (0.25 + 0.25 + 1)/3 = 0.5
  assert.equal(meanSquaredError([0.5, 0.5, 2], [1, 0, 1]), 0.5);
  assert.equal(meanSquaredError([], []), null);
  assert.throws(() => meanSquaredError([1], []), RangeError);
});
