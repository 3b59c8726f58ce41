import assert from "node:assert/strict";
import { test } from "node:test";
import { pehe } from "../../../src/tasks/effects/pehe.js";
import { meanPrecisionAtK, rowPrecisionAtK } from "../../../src/tasks/effects/precision-at-k.js";
import { scoreEffects } from "../../../src/tasks/effects/score-effects.js";

const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

test("PEHE of a hand-worked case, over all pairs and over the liked ones", () => {
  const est = Float64Array.from([0, 1, 0.5]);
  const tau = Float64Array.from([0, 0.5, 0.5]);
  // squared errors 0, 0.25, 0
  close(pehe(est, tau), Math.sqrt(0.25 / 3));
  close(pehe(est, tau, (i) => tau[i]! > 0), Math.sqrt(0.25 / 2));
  assert.equal(pehe(est, tau, () => false), null);
  assert.throws(() => pehe(est, Float64Array.from([0])), RangeError);
});

test("precision@k shares the places of scores tied at the k-th, exactly", () => {
  const s = Float64Array.from([0.9, 0.5, 0.5, 0.5, 0.1, 0]);
  const y = Uint8Array.from([1, 0, 1, 1, 0, 0]);
  const scratch = new Float64Array(6);
  close(rowPrecisionAtK(s, y, 0, 6, 1, scratch), 1);
  // top 2: 0.9 (liked) + one place among three tied at 0.5, two of them liked: (1 + 2/3) / 2
  close(rowPrecisionAtK(s, y, 0, 6, 2, scratch), 5 / 6);
  // top 4: 0.9 + all three tied: (1 + 2) / 4
  close(rowPrecisionAtK(s, y, 0, 6, 4, scratch), 3 / 4);
  close(rowPrecisionAtK(s, y, 0, 6, 5, scratch), 3 / 5);
  // k above the row's length counts the row's length
  close(rowPrecisionAtK(s, y, 0, 6, 10, scratch), 3 / 6);
  // two users, k = 1: user 0 has 1, user 1's row [0, 0] with one liked tag: ½
  close(meanPrecisionAtK(Float64Array.from([1, 0, 0, 0]), Uint8Array.from([1, 0, 0, 1]), 2, 2, 1), (1 + 0.5) / 2);
});

test("scoreEffects: PEHE, AUC of τ′ and precision@5 of a two-user population", () => {
  // 2 users × 6 tags; τ > 0 on (0, 0), (0, 1), (1, 5)
  const tau = Float64Array.from([0.4, 0.2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
  const est = Float64Array.from([0.5, 0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0.3]);
  const s = scoreEffects(est, tau, 2, 6);
  // errors 0.1, −0.2, 0.1, −0.2 → squares 0.01 + 0.04 + 0.01 + 0.04
  close(s.pehe, Math.sqrt(0.1 / 12));
  close(s.peheLiked, Math.sqrt((0.01 + 0.04 + 0.04) / 3));
  // positives 0.5, 0, 0.3; negatives 0.1 and eight 0s: pairs won (9 + 0.5·8 + 9) / (3·9)
  close(s.auc, (9 + 4 + 9) / 27);
  // user 0: 0.5 (liked), 0.1, then three places among four zeros (one liked, τ(0,1)): (1 + 3·¼) / 5
  // user 1: 0.3 (liked), then four places among five zeros (none liked): 1/5
  close(s.precision, (1.75 / 5 + 1 / 5) / 2);
  assert.throws(() => scoreEffects(Float64Array.from([NaN]), Float64Array.from([0]), 1, 1), /NaN/);
});
