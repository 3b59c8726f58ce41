/** The Gini coefficient of a sweep report's data figure (src/report/sweep-facts.ts), on hand cases. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { gini } from "../../src/report/sweep-facts.js";

test("Gini: 0 for equal counts, (n − 1)/n when one movie has everything, 0 for no observations", () => {
  assert.equal(gini(Int32Array.from([3, 3, 3, 3])), 0);
  assert.equal(gini(Int32Array.from([0, 4, 0, 0])), 0.75);
  // x = 1, 2, 3: 2·(1 + 4 + 9)/(3·6) − 4/3 = 28/18 − 24/18 = 2/9
  assert.ok(Math.abs(gini(Int32Array.from([3, 1, 2])) - 2 / 9) < 1e-15);
  assert.equal(gini(new Int32Array(5)), 0);
});
