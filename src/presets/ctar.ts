/** The CTAR preset: the m-graph of docs/model.md with mechanism parameters from a configuration. */
import type { CtarConfig } from "../config/ctar-config.js";
import { nodeParamsOf } from "../config/node-params.js";
import type { MGraph } from "../graph/mgraph.js";
import { buildCtarGraph } from "./ctar-graph.js";

/**
 * Parameters the preset fixes that no option sets: the rating is rounded, as in the authors'
 * generator (Eq. 5; `round: false` is for graph files). Written out so the printed preset
 * (`ctar graph show --preset ctar`) states it.
 */
const FIXED: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { R: { round: true } };

export function ctarGraph(c: CtarConfig): MGraph {
  const params = nodeParamsOf(c);
  for (const [node, fixed] of Object.entries(FIXED)) params[node] = { ...params[node], ...fixed };
  return buildCtarGraph(params);
}
