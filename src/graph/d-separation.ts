/**
 * d-separation by reachability ("Bayes ball"): Koller & Friedman 2009, Probabilistic Graphical
 * Models, Algorithm 3.1 (Reachable), after Shachter 1998, "Bayes-Ball: the rational pastime".
 * Time O(V + E): phase 1 marks the ancestors of the conditioning set, phase 2 walks the states
 * (node, direction of arrival) breadth-first, each at most once.
 *
 * Deterministic nodes (Geiger, Verma & Pearl 1990, D-separation): the conditioning set Z is
 * first replaced by its functional closure Z' (see deterministic-closure.ts), and the walk runs
 * with Z'. A query variable inside Z' is a function of Z, hence independent of anything given
 * Z; it is dropped from its side, and a side left empty is separated. (For a collider, being in
 * Z' rather than Z changes nothing: a collider that Z' adds without Z has its parents — its
 * neighbours on the trail — in Z' as well, and they block.)
 *
 * A shared variable of X and Y outside Z' is never separated from itself.
 */
import { deterministicClosure, type ClosureOptions } from "./deterministic-closure.js";
import { indexGraph, resolveNames, type GraphIndex } from "./graph-index.js";
import type { MGraph } from "./mgraph.js";

/** One step of a trail: the node reached and the arrow walked to reach it. */
export interface TrailStep {
  readonly node: string;
  /** "→" when the previous node is a parent of this one, "←" when it is a child. */
  readonly arrow: "→" | "←";
}

export interface Trail {
  readonly start: string;
  readonly steps: readonly TrailStep[];
}

export interface DSeparation {
  readonly separated: boolean;
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly given: readonly string[];
  /** Nodes given by determinism: the closure of `given` minus `given` (empty when determinism is off). */
  readonly determined: readonly string[];
  /** When not separated: one d-connecting trail from a node of x to a node of y (shortest in steps). */
  readonly trail?: Trail;
}

export function formatTrail(t: Trail): string {
  return [t.start, ...t.steps.map((s) => `${s.arrow} ${s.node}`)].join(" ");
}

/** Is X ⊥ Y | Z implied by the graph? Names must exist in g (GraphError otherwise). */
export function dSeparation(
  g: MGraph | GraphIndex,
  x: Iterable<string>,
  y: Iterable<string>,
  given: Iterable<string> = [],
  options: ClosureOptions = {},
): DSeparation {
  const ix = "names" in g ? g : indexGraph(g);
  const xs = resolveNames(ix, x, "X");
  const ys = resolveNames(ix, y, "Y");
  const zs = resolveNames(ix, given, "the conditioning set");
  const z = deterministicClosure(ix, zs, options);
  const base = {
    x: xs.map((i) => ix.names[i]!),
    y: ys.map((i) => ix.names[i]!),
    given: zs.map((i) => ix.names[i]!),
    determined: namesOf(ix, z).filter((n) => !zs.includes(ix.id.get(n)!)),
  };
  const trail = reachTrail(ix, xs.filter((i) => z[i] === 0), ys.filter((i) => z[i] === 0), z);
  return trail === undefined ? { ...base, separated: true } : { ...base, separated: false, trail };
}

/** Convenience: true when X ⊥ Y | Z by (deterministic-aware) d-separation. */
export function isDSeparated(
  g: MGraph | GraphIndex,
  x: Iterable<string>,
  y: Iterable<string>,
  given: Iterable<string> = [],
  options: ClosureOptions = {},
): boolean {
  return dSeparation(g, x, y, given, options).separated;
}

function namesOf(ix: GraphIndex, mask: Uint8Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < ix.size; i++) if (mask[i] === 1) out.push(ix.names[i]!);
  return out;
}

const UP = 0; // arrived from a child (walking against an arrow)
const DOWN = 1; // arrived from a parent (walking along an arrow)

/**
 * Koller & Friedman Alg. 3.1 with predecessor links, stopping at the first node of ys reached.
 * `z` is the (closed) conditioning mask; xs and ys exclude it.
 */
function reachTrail(ix: GraphIndex, xs: readonly number[], ys: readonly number[], z: Uint8Array): Trail | undefined {
  if (xs.length === 0 || ys.length === 0) return undefined;
  const isY = new Uint8Array(ix.size);
  for (const i of ys) isY[i] = 1;
  for (const i of xs) if (isY[i] === 1) return { start: ix.names[i]!, steps: [] };

  // Phase 1: A = Z and its ancestors (a collider passes the ball iff it is in A).
  const anc = new Uint8Array(ix.size);
  const stack: number[] = [];
  for (let i = 0; i < ix.size; i++) {
    if (z[i] === 1) {
      anc[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const p of ix.parents[v]!) {
      if (anc[p] === 0) {
        anc[p] = 1;
        stack.push(p);
      }
    }
  }

  // Phase 2: breadth-first over states s = 2·node + direction.
  const pred = new Int32Array(2 * ix.size).fill(-2); // -2 unvisited, -1 start
  const queue = new Int32Array(2 * ix.size);
  let head = 0;
  let tail = 0;
  const visit = (s: number, from: number): void => {
    if (pred[s] === -2) {
      pred[s] = from;
      queue[tail++] = s;
    }
  };
  for (const i of xs) visit(2 * i + UP, -1);
  while (head < tail) {
    const s = queue[head++]!;
    const v = s >> 1;
    const dir = s & 1;
    if (z[v] === 0 && isY[v] === 1) return buildTrail(ix, pred, s);
    if (dir === UP) {
      if (z[v] === 1) continue;
      for (const p of ix.parents[v]!) visit(2 * p + UP, s);
      for (const c of ix.children[v]!) visit(2 * c + DOWN, s);
    } else {
      if (z[v] === 0) for (const c of ix.children[v]!) visit(2 * c + DOWN, s);
      if (anc[v] === 1) for (const p of ix.parents[v]!) visit(2 * p + UP, s);
    }
  }
  return undefined;
}

function buildTrail(ix: GraphIndex, pred: Int32Array, end: number): Trail {
  const states: number[] = [];
  for (let s = end; s !== -1; s = pred[s]!) states.push(s);
  states.reverse();
  const steps: TrailStep[] = states.slice(1).map((s) => ({
    node: ix.names[s >> 1]!,
    arrow: (s & 1) === DOWN ? "→" : "←",
  }));
  return { start: ix.names[states[0]! >> 1]!, steps };
}
