/** τ′ of Eq. 2 is I{τ > 0}: the one definition the writer of truth/user_tag.csv uses. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { tauPrime } from "../../src/truth/tag-effect.js";

test("tauPrime is 1 exactly when τ > 0", () => {
  assert.deepEqual([0.5, Number.MIN_VALUE, 0, -0, -1e-12, -0.3].map(tauPrime), [1, 1, 0, 0, 0, 0]);
});
