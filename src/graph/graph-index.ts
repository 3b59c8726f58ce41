/**
 * An integer-indexed view of an m-graph (node i is `g.nodes[i]`) with parent and child lists,
 * for the graph algorithms (d-separation, closure, validation) that must run in time linear in
 * the graph. Building it checks only what the index needs: unique names and known parents.
 */
import { GraphError } from "../errors/errors.js";
import type { MGraph } from "./mgraph.js";

export interface GraphIndex {
  readonly graph: MGraph;
  readonly size: number;
  readonly names: readonly string[];
  readonly id: ReadonlyMap<string, number>;
  readonly parents: readonly (readonly number[])[];
  readonly children: readonly (readonly number[])[];
}

export function indexGraph(g: MGraph): GraphIndex {
  const id = new Map<string, number>();
  g.nodes.forEach((n, i) => {
    if (id.has(n.name)) throw new GraphError(`graph '${g.name}': node '${n.name}' is declared twice`);
    id.set(n.name, i);
  });
  const parents: number[][] = g.nodes.map(() => []);
  const children: number[][] = g.nodes.map(() => []);
  g.nodes.forEach((n, i) => {
    for (const p of n.parents) {
      const j = id.get(p);
      if (j === undefined) throw new GraphError(`graph '${g.name}': node '${n.name}' has unknown parent '${p}'`);
      parents[i]!.push(j);
      children[j]!.push(i);
    }
  });
  return { graph: g, size: g.nodes.length, names: g.nodes.map((n) => n.name), id, parents, children };
}

/** Resolves node names to ids; unknown names are a GraphError naming them and the graph. */
export function resolveNames(ix: GraphIndex, names: Iterable<string>, role: string): number[] {
  const out: number[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const i = ix.id.get(n);
    if (i === undefined) unknown.push(n);
    else if (!out.includes(i)) out.push(i);
  }
  if (unknown.length > 0) {
    throw new GraphError(
      `graph '${ix.graph.name}': unknown node${unknown.length > 1 ? "s" : ""} in ${role} (got ${unknown.map((u) => `'${u}'`).join(", ")}, expected one of ${ix.names.join(", ")})`,
    );
  }
  return out;
}
