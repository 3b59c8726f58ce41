import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeRecoverability } from "../../src/graph/recoverability.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { FIGURE_2, graph, n } from "./graph-fixtures.js";

test("CTAR: P(TL) through the RCT channel, P(R) by adjustment for M, the joint by sequential factorisation", () => {
  const [tl, r, joint] = analyzeRecoverability(CTAR_STRUCTURE);
  assert.equal(tl!.status, "recoverable");
  assert.equal(tl!.estimand, "P(TL) = P(RCT* | R_RCT = 1)");
  assert.deepEqual(tl!.facts, ["TL ⊥ R_RCT"]);
  assert.ok(tl!.notes.some((x) => /self-masking edge TL → R_O/.test(x)));
  assert.equal(r!.status, "recoverable");
  assert.equal(r!.estimand, "P(R) = Σ_{m} P(R* | M = m, R_R = 1) P(M = m)");
  assert.deepEqual(r!.facts, ["R ⊥ R_R | M"]);
  assert.equal(joint!.target, "P(U, M, TM, TL, R)");
  assert.equal(joint!.status, "recoverable");
  assert.match(joint!.criterion, /sequential factorisation/);
  assert.ok(joint!.estimand!.endsWith("· P(U, M, TM)"));
});

test("Figure 2: P(Y) = Σ_i P(Y* | I = i, R_Y = 1) P(I = i)", () => {
  const [y] = analyzeRecoverability(FIGURE_2);
  assert.equal(y!.estimand, "P(Y) = Σ_{i} P(Y* | I = i, R_Y = 1) P(I = i)");
});

test("self-masking with a single indicator: P(X) and the joint are not recoverable", () => {
  const g = graph("self", [n("X", "V_m"), n("R_X", "R", ["X"]), n("X*", "V*", ["X", "R_X"])]);
  const [x, joint] = analyzeRecoverability(g);
  assert.equal(x!.status, "not recoverable");
  assert.match(x!.criterion, /self-masking/);
  assert.equal(joint!.status, "not recoverable");
});

test("sequential factorisation recovers P(Y) when Y's missingness is caused by a partially observed X", () => {
  // X → Y, X → R_Y, R_X without parents (Mohan, Pearl & Tian 2013, the MAR-like case with X in V_m):
  // P(X, Y) = P(Y* | X*, R_Y = 1, R_X = 1) · P(X* | R_X = 1).
  const g = graph("seq", [
    n("X", "V_m"),
    n("Y", "V_m", ["X"]),
    n("R_X", "R"),
    n("R_Y", "R", ["X"]),
    n("X*", "V*", ["X", "R_X"]),
    n("Y*", "V*", ["Y", "R_Y"]),
  ]);
  const [x, y, joint] = analyzeRecoverability(g);
  assert.equal(x!.estimand, "P(X) = P(X* | R_X = 1)");
  assert.equal(y!.status, "recoverable");
  assert.equal(y!.estimand, "P(Y) = Σ_{X} P(Y* | X*, R_Y = 1, R_X = 1) · P(X* | R_X = 1)");
  assert.deepEqual(y!.facts, ["Y ⊥ {R_Y, R_X} | X", "X ⊥ R_X"]);
  assert.equal(joint!.estimand, "P(X, Y) = P(Y* | X*, R_Y = 1, R_X = 1) · P(X* | R_X = 1)");
});

test("a latent common cause of X and R_X: not shown recoverable, never claimed", () => {
  const g = graph("latent", [n("L", "N"), n("X", "V_m", ["L"]), n("R_X", "R", ["L"]), n("X*", "V*", ["X", "R_X"])]);
  const [x, joint] = analyzeRecoverability(g);
  assert.equal(x!.status, "not shown recoverable");
  assert.equal(x!.estimand, undefined);
  assert.match(x!.criterion, /not shown recoverable by the implemented criteria/);
  assert.equal(joint!.status, "not shown recoverable");
});
