/**
 * Property tests of the topological order (Kahn's algorithm, ties by declaration order) on random
 * DAGs drawn from the project's keyed streams (seeded, so every run checks the same 300 graphs):
 * every edge goes forward in the order; a smaller-declared node comes right after a larger one
 * only when that one is its parent (what "ties by declaration order" means for the greedy choice);
 * adding a back edge makes a cycle, refused with a GraphError that prints a real cycle, as is the
 * "cycle" problem of graphProblems.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GraphError } from "../../src/errors/errors.js";
import type { MGraph, NodeSpec } from "../../src/graph/mgraph.js";
import { topologicalOrder } from "../../src/graph/topological-order.js";
import { graphProblems } from "../../src/graph/validate-graph.js";
import { SeedTree, type Stream } from "../../src/rng/stream.js";

const GRAPHS = 300;

function node(name: string, parents: string[]): NodeSpec {
  return { name, set: "N", plate: "user", parents, mechanism: { kind: "t" } };
}

/**
 * A random DAG: n nodes with a hidden causal order (a random permutation), each possible forward
 * edge present with probability p, declared in another random order so that declaration order
 * and causal order disagree.
 */
function randomDag(rng: Stream): { graph: MGraph; edges: Array<[string, string]> } {
  const n = 1 + rng.int(25);
  const p = rng.uniform() * 0.5;
  const causal = shuffle(rng, Array.from({ length: n }, (_, i) => `v${i}`));
  const parents = new Map<string, string[]>(causal.map((v) => [v, []]));
  const edges: Array<[string, string]> = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < j; i++) {
      if (rng.bernoulli(p)) {
        parents.get(causal[j]!)!.push(causal[i]!);
        edges.push([causal[i]!, causal[j]!]);
      }
    }
  }
  const declared = shuffle(rng, [...causal]);
  return { graph: { name: "random", nodes: declared.map((v) => node(v, parents.get(v)!)) }, edges };
}

function shuffle<T>(rng: Stream, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** Asserts that `cycle` (arrow order, first repeated last) is a directed cycle of `g`. */
function assertRealCycle(g: MGraph, cycle: readonly string[], what: string): void {
  assert.ok(cycle.length >= 2 && cycle[0] === cycle[cycle.length - 1], `${what}: not closed: ${cycle.join(" → ")}`);
  const parentsOf = new Map(g.nodes.map((n) => [n.name, n.parents]));
  for (let k = 0; k + 1 < cycle.length; k++) {
    assert.ok(parentsOf.get(cycle[k + 1]!)?.includes(cycle[k]!), `${what}: ${cycle[k]} → ${cycle[k + 1]} is not an edge`);
  }
}

test(`topological order of ${GRAPHS} random DAGs: every edge forward, ties by declaration order`, () => {
  const tree = new SeedTree(20221102);
  let edgesChecked = 0;
  for (let k = 0; k < GRAPHS; k++) {
    const { graph, edges } = randomDag(tree.stream("topological-order", k));
    const order = topologicalOrder(graph).map((n) => n.name);
    assert.deepEqual([...order].sort(), graph.nodes.map((n) => n.name).sort(), `graph ${k}: not a permutation`);
    const position = new Map(order.map((v, i) => [v, i]));
    for (const [from, to] of edges) assert.ok(position.get(from)! < position.get(to)!, `graph ${k}: edge ${from} → ${to} goes backward`);
    edgesChecked += edges.length;
    const declared = new Map(graph.nodes.map((n, i) => [n.name, i]));
    for (let i = 0; i + 1 < order.length; i++) {
      const [a, b] = [order[i]!, order[i + 1]!];
      if (declared.get(b)! < declared.get(a)!) {
        assert.ok(graph.nodes[declared.get(b)!]!.parents.includes(a), `graph ${k}: ${b} (declared earlier) was ready before ${a} but came after it`);
      }
    }
  }
  assert.ok(edgesChecked > 1000, `only ${edgesChecked} edges checked`);
});

test(`a back edge makes a cycle: refused naming a real cycle (${GRAPHS} random graphs)`, () => {
  const tree = new SeedTree(20221103);
  let cyclic = 0;
  for (let k = 0; k < GRAPHS; k++) {
    const { graph, edges } = randomDag(tree.stream("cycle", k));
    if (edges.length === 0) continue;
    const rng = tree.stream("cycle-edge", k);
    const [from, to] = edges[rng.int(edges.length)]!;
    // to → from closes the cycle from → to → from.
    const cyclicGraph: MGraph = { ...graph, nodes: graph.nodes.map((n) => (n.name === from ? node(n.name, [...n.parents, to]) : n)) };
    cyclic++;
    let message = "";
    assert.throws(
      () => topologicalOrder(cyclicGraph),
      (e: unknown) => e instanceof GraphError && ((message = e.message), true),
      `graph ${k}: a cycle was not refused`,
    );
    const printed = /the graph has a cycle: (.*)$/.exec(message);
    assert.ok(printed !== null, message);
    assertRealCycle(cyclicGraph, printed[1]!.split(" → "), `graph ${k} (topologicalOrder)`);
    const problem = graphProblems(cyclicGraph).find((p) => p.code === "cycle");
    assert.ok(problem !== undefined, `graph ${k}: graphProblems missed the cycle`);
    const listed = /the graph has a cycle: (.*)$/.exec(problem.message)![1]!.split(" → ");
    assertRealCycle(cyclicGraph, listed, `graph ${k} (graphProblems)`);
    assert.equal(problem.node, listed[0]);
  }
  assert.ok(cyclic > GRAPHS / 2, `only ${cyclic} cyclic graphs`);
});
