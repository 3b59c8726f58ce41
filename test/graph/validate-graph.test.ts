import assert from "node:assert/strict";
import { test } from "node:test";
import { GraphError } from "../../src/errors/errors.js";
import type { MGraph, NodeSpec } from "../../src/graph/mgraph.js";
import { graphProblems, validateGraph } from "../../src/graph/validate-graph.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { FIGURE_2, figure3, graph, n } from "./graph-fixtures.js";

const codes = (g: MGraph, known?: Set<string>): string[] => graphProblems(g, known ? { knownMechanisms: known } : {}).map((p) => p.code);

function edit(g: MGraph, name: string, change: Partial<NodeSpec>): MGraph {
  return { ...g, nodes: g.nodes.map((x) => (x.name === name ? { ...x, ...change } : x)) };
}

test("the CTAR graph and the paper's Figure 2 and 3 graphs are valid", () => {
  assert.deepEqual(graphProblems(CTAR_STRUCTURE), []);
  assert.deepEqual(graphProblems(FIGURE_2), []);
  assert.deepEqual(graphProblems(figure3()), []);
  assert.equal(validateGraph(CTAR_STRUCTURE), CTAR_STRUCTURE);
});

test("a cycle is reported with the cycle itself", () => {
  const g = edit(CTAR_STRUCTURE, "TU", { parents: ["U", "R"] }); // R → TU → TL → R
  const p = graphProblems(g).filter((x) => x.code === "cycle");
  assert.equal(p.length, 1);
  assert.match(p[0]!.message, /the graph has a cycle: (TU → TL → R → TU|TL → R → TU → TL|R → TU → TL → R)/);
  assert.throws(() => validateGraph(g), (e: unknown) => e instanceof GraphError && /cycle: .*→/.test(e.message));
});

test("unknown parents, duplicate nodes and duplicate parents", () => {
  assert.deepEqual(codes(edit(CTAR_STRUCTURE, "Q", { parents: ["M", "Budget"] })), ["unknown-parent"]);
  assert.match(graphProblems(edit(CTAR_STRUCTURE, "Q", { parents: ["Budget"] }))[0]!.message, /node 'Q' has unknown parent 'Budget'/);
  assert.ok(codes({ ...CTAR_STRUCTURE, nodes: [...CTAR_STRUCTURE.nodes, n("Q", "N")] }).includes("duplicate-node"));
  assert.deepEqual(codes(edit(CTAR_STRUCTURE, "Q", { parents: ["M", "M"] })), ["duplicate-parent"]);
});

test("unknown mechanism kinds are reported only when the known kinds are given", () => {
  const known = new Set(CTAR_STRUCTURE.nodes.map((x) => x.mechanism.kind));
  assert.deepEqual(codes(CTAR_STRUCTURE, known), []);
  known.delete("quality");
  const p = graphProblems(CTAR_STRUCTURE, { knownMechanisms: known });
  assert.deepEqual(p.map((x) => x.code), ["unknown-mechanism"]);
  assert.match(p[0]!.message, /node 'Q' has unknown mechanism kind 'quality' \(expected one of /);
});

test("plates must contain the parents' plates", () => {
  // Q lives on the movie plate; reading the user plate's TU is impossible.
  const g = edit(CTAR_STRUCTURE, "Q", { parents: ["M", "TU"] });
  const p = graphProblems(g);
  assert.deepEqual(p.map((x) => x.code), ["plate"]);
  assert.match(p[0]!.message, /node 'Q' on plate 'movie' cannot read parent 'TU' on plate 'user'/);
  // user-movie contains both.
  assert.deepEqual(codes(edit(CTAR_STRUCTURE, "R", { parents: ["TL", "Q", "TU"] })), []);
});

test("proxy rules: parents {X, R_X}, no children, one proxy per indicator, a channel per V_m variable", () => {
  // A proxy with a wrong parent set.
  assert.ok(codes(edit(CTAR_STRUCTURE, "R*", { parents: ["R"] })).includes("proxy-parents"));
  assert.ok(codes(edit(CTAR_STRUCTURE, "R*", { parents: ["R", "R_R", "M"] })).includes("proxy-parents"));
  assert.ok(codes(edit(CTAR_STRUCTURE, "R*", { parents: ["Q", "R_R"] })).includes("proxy-parents"));
  // A proxy with a child.
  const withChild: MGraph = { ...CTAR_STRUCTURE, nodes: [...CTAR_STRUCTURE.nodes, { ...n("Audit", "N", ["R*"]), plate: "user-movie" }] };
  assert.deepEqual(codes(withChild), ["proxy-children"]);
  // An indicator with no proxy, and one with two.
  const orphan: MGraph = { ...CTAR_STRUCTURE, nodes: [...CTAR_STRUCTURE.nodes, n("R_X", "R")] };
  assert.deepEqual(codes(orphan), ["indicator-proxies"]);
  const twice: MGraph = { ...CTAR_STRUCTURE, nodes: [...CTAR_STRUCTURE.nodes, n("R2*", "V*", ["R", "R_R"])] };
  assert.deepEqual(codes(twice), ["indicator-proxies"]);
  assert.match(graphProblems(twice)[0]!.message, /indicator 'R_R' must be the indicator of exactly one proxy \(got R\*, R2\*\)/);
  // A V_m variable never observed.
  const unobserved = graph("u", [n("X", "V_m")]);
  assert.deepEqual(codes(unobserved), ["variable-unobserved"]);
  // Several channels for one variable are fine (CTAR's TL has two).
  assert.equal(CTAR_STRUCTURE.nodes.filter((x) => x.set === "V*" && x.parents.includes("TL")).length, 2);
});

test("an indicator may not cause a variable", () => {
  assert.deepEqual(codes(edit(CTAR_STRUCTURE, "R", { parents: ["TL", "Q", "R_RCT"] })), ["indicator-parent-of-variable"]);
});

test("validateGraph lists every problem in one GraphError", () => {
  const g = edit(edit(CTAR_STRUCTURE, "Q", { parents: ["TU"] }), "R*", { parents: ["R"] });
  assert.throws(
    () => validateGraph(g),
    (e: unknown) => e instanceof GraphError && /^graph 'ctar': \d+ problems:\n  - /.test(e.message) && /plate/.test(e.message) && /proxy 'R\*'/.test(e.message),
  );
});
