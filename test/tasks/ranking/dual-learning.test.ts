/**
 * DLA's fixed point: with clicks equal to their expectation p_k · a_i under the position-based
 * model, and attractions a_i ∝ exp(x_i) within each list, the ranker's softmax loss is minimised at
 * w = 1 and the examination loss at ρ ∝ p. Learnt from those clicks alone, DLA must find both.
 * The tolerances are the optimiser's (no sampling: the clicks are exact expectations).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { dualLearning } from "../../../src/tasks/ranking/dual-learning.js";

function expectedClickLists(lists: number, length: number, exam: (k: number) => number) {
  const features = new Float64Array(lists * length);
  const click = new Float64Array(lists * length);
  for (let l = 0; l < lists; l++) {
    for (let j = 0; j < length; j++) {
      // spread-out, list-dependent features (no randomness needed): x in [−2, 0]
      const x = -2 * (((l * 7 + j * 13) % 17) / 16);
      features[l * length + j] = x;
      click[l * length + j] = exam(j + 1) * Math.exp(x);
    }
  }
  return { lists, length, features, dims: 1, click, train: (l: number) => l % 5 !== 4 };
}

test("DLA recovers the examination curve and the attraction from exact expected clicks", () => {
  const eta = 1;
  const exam = (k: number) => Math.pow(k, -eta);
  const fit = dualLearning(expectedClickLists(200, 10, exam), { steps: 3000, lr: 0.05 });
  assert.ok(Math.abs(fit.w[0]! - 1) < 1e-3, `w = ${fit.w[0]} (expected 1)`);
  for (let k = 1; k <= 10; k++) assert.ok(Math.abs(fit.propensity[k - 1]! - exam(k)) < 1e-3, `p̂_${k} = ${fit.propensity[k - 1]} (expected ${exam(k)})`);
});

test("DLA with a steeper curve (η = 2) and untrained lists left out", () => {
  const exam = (k: number) => Math.pow(k, -2);
  const d = expectedClickLists(200, 6, exam);
  // the lists DLA does not train on carry clicks that would pull the curve flat: they must be ignored
  const click = Float64Array.from(d.click, (c, i) => (d.train(Math.floor(i / 6)) ? c : 1));
  const fit = dualLearning({ ...d, click }, { steps: 3000, lr: 0.05 });
  for (let k = 1; k <= 6; k++) assert.ok(Math.abs(fit.propensity[k - 1]! - exam(k)) < 1e-3, `p̂_${k} = ${fit.propensity[k - 1]} (expected ${exam(k)})`);
});
