/** Small m-graphs for the graph tests (built by hand from the papers; sources in each comment). */
import type { MGraph, NodeSpec } from "../../src/graph/mgraph.js";

type Set = NodeSpec["set"];

/** A node on the user-movie plate with a dummy mechanism. */
export function n(name: string, set: Set, parents: string[] = [], deterministic = false): NodeSpec {
  return { name, set, plate: "user-movie", parents, mechanism: { kind: "test" }, ...(deterministic ? { deterministic: true } : {}) };
}

export function graph(name: string, nodes: NodeSpec[]): MGraph {
  return { name, nodes };
}

/** A plain DAG (every node in N) from edges "A>B". */
export function dag(nodes: string[], edges: [string, string][], deterministic: string[] = []): MGraph {
  return graph(
    "dag",
    nodes.map((v) => n(v, "N", edges.filter(([, to]) => to === v).map(([from]) => from), deterministic.includes(v))),
  );
}

/**
 * The CTAR paper's Figure 2 (right), from its §4.1 text: V_o = {U, I}, V_m = {Y}, R = {R_Y},
 * V* = {Y*}; edges U → Y, I → Y, I → R_Y, Y → Y*, R_Y → Y*. The paper (§4.2): MAR, because
 * Y ⊥ R_Y | I while Y and R_Y are dependent through Y ← I → R_Y.
 */
export const FIGURE_2: MGraph = graph("figure-2", [
  n("U", "V_o"),
  n("I", "V_o"),
  n("Y", "V_m", ["U", "I"]),
  n("R_Y", "R", ["I"]),
  n("Y*", "V*", ["Y", "R_Y"], true),
]);

/**
 * The CTAR paper's Figure 3: nodes U, M, TM, R, R_R (R* left out in the figure; added here
 * because a V_m variable needs its proxy). The text extraction does not keep the arrows; these
 * follow its caption and §4.3 text: ratings generated from users and movies (U → R, M → TM,
 * TM → R, M → R) and a missingness mechanism driven by the movie (M → R_R). The paper: MAR,
 * "R is independent of R_R conditional on the rest three nodes".
 */
export function figure3(rrParents: string[] = ["M"]): MGraph {
  return graph("figure-3", [
    n("U", "V_o"),
    n("M", "V_o"),
    n("TM", "V_o", ["M"]),
    n("R", "V_m", ["U", "M", "TM"]),
    n("R_R", "R", rrParents),
    n("R*", "V*", ["R", "R_R"], true),
  ]);
}
