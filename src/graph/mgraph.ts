/**
 * The m-graph value: a causal DAG whose nodes carry their m-graph set (Mohan, Pearl & Tian 2013:
 * fully observed V_o, partially observed V_m, unobserved N, proxies V*, missingness indicators R),
 * their plate, and the mechanism that generates them. The generator runs exactly this value, so
 * the graph the analysis reads is the process that ran.
 */

/** m-graph sets (docs/model.md#nodes-sets-and-plates). */
export type MGraphSet = "V_o" | "V_m" | "N" | "V*" | "R";
export const MGRAPH_SETS: readonly MGraphSet[] = ["V_o", "V_m", "N", "V*", "R"];

/**
 * Where a node's values live: once per movie, once per user, or once per (user, movie) pair.
 * A node's plate must contain its parents' plates (a movie-plate node cannot read a user's value).
 */
export type Plate = "movie" | "user" | "user-movie";
export const PLATES: readonly Plate[] = ["movie", "user", "user-movie"];

/** A mechanism reference: a registered kind and its parameters. */
export interface MechanismSpec {
  readonly kind: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface NodeSpec {
  readonly name: string;
  readonly set: MGraphSet;
  readonly plate: Plate;
  /** A deterministic function of its parents (d-separation treats it as given when they are). */
  readonly deterministic?: boolean;
  /** Parents, in the order the mechanism expects them; edges are parent → node. */
  readonly parents: readonly string[];
  readonly mechanism: MechanismSpec;
  /** One line for people: shown by `ctar graph show` and in drawings. */
  readonly description?: string;
}

export interface MGraph {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
}

export interface Edge {
  readonly from: string;
  readonly to: string;
}

export function edgesOf(g: MGraph): Edge[] {
  const out: Edge[] = [];
  for (const n of g.nodes) for (const p of n.parents) out.push({ from: p, to: n.name });
  return out;
}

export function nodeByName(g: MGraph, name: string): NodeSpec | undefined {
  return g.nodes.find((n) => n.name === name);
}

/** Plate containment: may a node on `child` read a parent on `parent`? */
export function plateContains(child: Plate, parent: Plate): boolean {
  if (child === parent) return true;
  return child === "user-movie";
}
