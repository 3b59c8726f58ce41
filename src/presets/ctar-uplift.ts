/**
 * The nodes the ctar-uplift variant adds to the CTAR graph (docs/tasks-uplift.md#the-world-ctar-uplift):
 * recommendation as a treatment Rec and an outcome Y with two potential-outcome arms. Both are
 * observed for every pair (set V_o): what Sato et al.'s protocol exposes. Their parameters are
 * their mechanisms' defaults (rank-treatment.ts, treatment-outcome.ts); a graph file edits them.
 */
import type { NodeSpec } from "../graph/mgraph.js";

export const UPLIFT_NODES: readonly NodeSpec[] = [
  { name: "Rec", set: "V_o", plate: "user-movie", parents: ["R"], mechanism: { kind: "rank-treatment" }, description: "the treatment: was the movie recommended to the user? P = min(1, c · rank^−p), ranked by R + noise" },
  { name: "Y", set: "V_o", plate: "user-movie", parents: ["R", "Rec"], mechanism: { kind: "treatment-outcome" }, description: "the outcome: does the user watch the movie? Two arms, P(Y = 1 | do(Rec = t)), functions of R" },
];
