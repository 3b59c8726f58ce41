/**
 * The observation channels of an m-graph: each proxy X* (set V*) with parents {X, R_X} says
 * "X is seen as X* where R_X = 1" (Mohan, Pearl & Tian 2013, §2: X* = X if R_X = 1, else
 * missing). The paper's definition gives each X ∈ V_m exactly one pair (R_X, X*); CTAR observes
 * its TL through two (R_RCT, RCT* and R_O, O*), so a V_m variable may have several channels,
 * each with its own indicator and proxy.
 */
import type { MGraph } from "./mgraph.js";

export interface MissingnessChannel {
  /** The partially observed variable X (set V_m). */
  readonly variable: string;
  /** Its missingness indicator R_X (set R); 1 = observed. */
  readonly indicator: string;
  /** The proxy X* (set V*). */
  readonly proxy: string;
}

/** Channels read off the proxies' parents, in node order; proxies without such parents are skipped (validation reports them). */
export function missingnessChannels(g: MGraph): MissingnessChannel[] {
  const setOf = new Map(g.nodes.map((n) => [n.name, n.set]));
  const out: MissingnessChannel[] = [];
  for (const n of g.nodes) {
    if (n.set !== "V*") continue;
    const variable = n.parents.find((p) => setOf.get(p) === "V_m");
    const indicator = n.parents.find((p) => setOf.get(p) === "R");
    if (variable !== undefined && indicator !== undefined) out.push({ variable, indicator, proxy: n.name });
  }
  return out;
}

/** Names of the nodes of one m-graph set, in node order. */
export function nodesInSet(g: MGraph, set: MGraph["nodes"][number]["set"]): string[] {
  return g.nodes.filter((n) => n.set === set).map((n) => n.name);
}
