import assert from "node:assert/strict";
import { test } from "node:test";
import type { MGraph } from "../../src/graph/mgraph.js";
import { classifyMissingness } from "../../src/graph/missingness-class.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { FIGURE_2, figure3, graph, n } from "./graph-fixtures.js";

const byIndicator = (g: MGraph, deterministic = true) =>
  new Map(classifyMissingness(g, { deterministic }).indicators.map((i) => [i.indicator, i]));

test("CTAR (paper §5, Figure 4): R_RCT MCAR, R_R MAR, R_O MNAR through TL → R_O", () => {
  const c = classifyMissingness(CTAR_STRUCTURE);
  const m = new Map(c.indicators.map((i) => [i.indicator, i]));
  assert.equal(m.get("R_RCT")!.class, "MCAR");
  assert.equal(m.get("R_RCT")!.witness, "R_RCT ⊥ {U, M, TM, TU, TL, Q, R, RecSys}");
  assert.deepEqual(m.get("R_RCT")!.variables, ["TL"]);
  assert.deepEqual(m.get("R_RCT")!.proxies, ["RCT*"]);

  const rr = m.get("R_R")!;
  assert.equal(rr.class, "MAR");
  assert.deepEqual(rr.mar.given, ["U", "M", "TM"]);
  assert.deepEqual(rr.mar.determined, ["RecSys"]);
  assert.match(rr.witness, /^R_R ⊥ \{TU, TL, Q, R, RecSys\} \| \{U, M, TM\}/);
  assert.deepEqual(rr.assumptions, ["assumes RecSys is determined by M (deterministic); without the flag R_R is MNAR"]);

  const ro = m.get("R_O")!;
  assert.equal(ro.class, "MNAR");
  assert.equal(ro.connections[0]!.trail, "TL → R_O");
  assert.ok(ro.connections.some((x) => x.trail === "R → R_O"));
  assert.deepEqual(ro.assumptions, []);

  assert.equal(c.class, "MNAR");
  assert.equal(c.mcar.separated, false);
  assert.equal(c.mar.separated, false);
});

test("CTAR without RecSys's deterministic flag: R_R is MNAR (through RecSys → R_R)", () => {
  const g: MGraph = {
    ...CTAR_STRUCTURE,
    nodes: CTAR_STRUCTURE.nodes.map((x) => (x.name === "RecSys" ? { ...x, deterministic: false } : x)),
  };
  const rr = byIndicator(g).get("R_R")!;
  assert.equal(rr.class, "MNAR");
  assert.deepEqual(rr.connections.map((c) => c.trail), ["RecSys → R_R"]);
  // Turning determinism off globally gives the same answer on the original graph.
  assert.equal(byIndicator(CTAR_STRUCTURE, false).get("R_R")!.class, "MNAR");
  // The other two do not depend on the flag.
  assert.equal(byIndicator(g).get("R_RCT")!.class, "MCAR");
  assert.equal(byIndicator(g).get("R_O")!.class, "MNAR");
});

test("paper Figure 2: MAR (Y ⊥ R_Y | I, but Y ← I → R_Y without it)", () => {
  const c = classifyMissingness(FIGURE_2);
  const ry = c.indicators[0]!;
  assert.equal(ry.indicator, "R_Y");
  assert.equal(ry.class, "MAR");
  assert.equal(c.class, "MAR");
  assert.equal(ry.witness, "R_Y ⊥ {Y} | {U, I}; not MCAR: I → R_Y");
  assert.deepEqual(ry.assumptions, []);
});

test("paper Figure 3: MAR whichever fully observed nodes drive R_R", () => {
  for (const parents of [["M"], ["U"], ["U", "M"], ["M", "TM"]]) {
    const c = classifyMissingness(figure3(parents));
    assert.equal(c.class, "MAR", `R_R ← ${parents.join(", ")}`);
  }
  // With no parent at all R_R is MCAR; with the rating as a parent, MNAR (self-masking).
  assert.equal(classifyMissingness(figure3([])).class, "MCAR");
  assert.equal(classifyMissingness(figure3(["R"])).class, "MNAR");
});

test("an unobserved common cause of X and R_X makes it MNAR; the graph takes the worst class", () => {
  const g = graph("latent", [
    n("L", "N"),
    n("X", "V_m", ["L"]),
    n("Y", "V_m"),
    n("R_X", "R", ["L"]),
    n("R_Y", "R"),
    n("X*", "V*", ["X", "R_X"]),
    n("Y*", "V*", ["Y", "R_Y"]),
  ]);
  const c = classifyMissingness(g);
  assert.deepEqual(c.indicators.map((i) => i.class), ["MNAR", "MCAR"]);
  assert.equal(c.class, "MNAR");
  assert.deepEqual(c.indicators[0]!.connections.map((x) => x.trail), ["L → R_X", "X ← L → R_X"]);
});
