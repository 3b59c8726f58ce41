/**
 * Topological order of an m-graph (Kahn's algorithm, ties broken by declaration order so the
 * order, and therefore the run, is deterministic). A cycle is a GraphError that prints it.
 */
import { GraphError } from "../errors/errors.js";
import type { MGraph, NodeSpec } from "./mgraph.js";

export function topologicalOrder(g: MGraph): NodeSpec[] {
  const index = new Map<string, number>();
  g.nodes.forEach((n, i) => {
    if (index.has(n.name)) throw new GraphError(`graph '${g.name}': node '${n.name}' is declared twice`);
    index.set(n.name, i);
  });
  const indeg = new Int32Array(g.nodes.length);
  const children: number[][] = g.nodes.map(() => []);
  g.nodes.forEach((n, i) => {
    for (const p of n.parents) {
      const j = index.get(p);
      if (j === undefined) throw new GraphError(`graph '${g.name}': node '${n.name}' has unknown parent '${p}'`);
      children[j]!.push(i);
      indeg[i]!++;
    }
  });
  const ready: number[] = [];
  for (let i = 0; i < g.nodes.length; i++) if (indeg[i] === 0) ready.push(i);
  const order: NodeSpec[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(g.nodes[i]!);
    for (const c of children[i]!) if (--indeg[c]! === 0) ready.push(c);
  }
  if (order.length < g.nodes.length) {
    throw new GraphError(`graph '${g.name}': the graph has a cycle: ${findCycle(g, index).join(" → ")}`);
  }
  return order;
}

function findCycle(g: MGraph, index: Map<string, number>): string[] {
  const state = new Uint8Array(g.nodes.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const dfs = (i: number): string[] | undefined => {
    state[i] = 1;
    stack.push(i);
    // Walk parents: a cycle through parents is a cycle.
    for (const p of g.nodes[i]!.parents) {
      const j = index.get(p)!;
      if (state[j] === 1) {
        const cyc = stack.slice(stack.indexOf(j)).map((k) => g.nodes[k]!.name);
        return [...cyc, g.nodes[j]!.name].reverse();
      }
      if (state[j] === 0) {
        const c = dfs(j);
        if (c) return c;
      }
    }
    stack.pop();
    state[i] = 2;
    return undefined;
  };
  for (let i = 0; i < g.nodes.length; i++) {
    if (state[i] === 0) {
      const c = dfs(i);
      if (c) return c;
    }
  }
  return [];
}
