/**
 * The nodes a click world adds to the CTAR graph (the variant `ctar-clicks`,
 * docs/tasks-ranking.md#the-click-world): each user is shown one ranked list by a logging ranker
 * (List, from RecSys), examines position k with probability k^−η (E, the missingness indicator of
 * the attraction), would click a movie they examine with a probability graded by its true rating
 * (A, from R), and clicks where both hold (C = A · E). Mechanism parameters are the mechanisms'
 * defaults, printed by `ctar graph show --preset ctar-clicks`.
 */
import type { NodeSpec } from "../graph/mgraph.js";
import { loggingRankerParams } from "../mechanisms/logging-ranker.js";
import { positionExaminationParams } from "../mechanisms/position-examination.js";
import { gradedAttractivenessParams } from "../mechanisms/graded-attractiveness.js";

export const CLICK_NODES: readonly NodeSpec[] = [
  {
    name: "List",
    set: "V_o",
    plate: "user-movie",
    parents: ["RecSys"],
    mechanism: { kind: "logging-ranker", params: loggingRankerParams.parse({}) },
    description: "the ranked list of L movies the user is shown (logging ranker: exposure score plus Gumbel noise; result randomisation by swaps)",
  },
  {
    name: "E",
    set: "R",
    plate: "user-movie",
    parents: ["List"],
    mechanism: { kind: "position-examination", params: positionExaminationParams.parse({}) },
    description: "examination: P(E = 1) = k^−η at list position k, 0 off the list",
  },
  {
    name: "A",
    set: "V_m",
    plate: "user-movie",
    parents: ["R"],
    mechanism: { kind: "graded-attractiveness", params: gradedAttractivenessParams.parse({}) },
    description: "attraction: would click if examined, P = ε− + (ε+ − ε−)(2^y − 1)/(2^y_max − 1), y = R − 1",
  },
  {
    name: "C",
    set: "V*",
    plate: "user-movie",
    parents: ["A", "E"],
    mechanism: { kind: "click-proxy" },
    description: "the click: A where E = 1, else 0",
    deterministic: true,
  },
];
