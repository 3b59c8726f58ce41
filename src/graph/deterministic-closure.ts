/**
 * The functional closure of a conditioning set (Geiger, Verma & Pearl 1990, "Identifying
 * independence in Bayesian networks", Networks 20: D-separation). A node flagged
 * `deterministic` is a function of its parents, so once all its parents are given it is given
 * too; the closure applies this rule until nothing changes (here in one linear pass: each
 * deterministic node counts its parents not yet given, like Kahn's algorithm).
 *
 * A parentless node flagged `deterministic` (CTAR's U and M: the plate's index, made without
 * random draws) is NOT treated as a constant: it varies over the units of its plate, so it
 * enters the closure only when it is given itself.
 */
import type { GraphIndex } from "./graph-index.js";

export interface ClosureOptions {
  /** Honour `deterministic` flags (default true). False gives plain d-separation. */
  readonly deterministic?: boolean;
}

/** Is node i functionally determined by its parents for d-separation purposes? */
export function isFunctionalNode(ix: GraphIndex, i: number): boolean {
  return ix.graph.nodes[i]!.deterministic === true && ix.parents[i]!.length > 0;
}

/** Returns the closure as a 0/1 mask over node ids. */
export function deterministicClosure(ix: GraphIndex, given: readonly number[], options: ClosureOptions = {}): Uint8Array {
  const inSet = new Uint8Array(ix.size);
  const queue: number[] = [];
  for (const i of given) {
    if (inSet[i] === 0) {
      inSet[i] = 1;
      queue.push(i);
    }
  }
  if (options.deterministic === false) return inSet;
  const missing = new Int32Array(ix.size);
  for (let i = 0; i < ix.size; i++) missing[i] = isFunctionalNode(ix, i) ? ix.parents[i]!.length : -1;
  for (let h = 0; h < queue.length; h++) {
    const v = queue[h]!;
    for (const c of ix.children[v]!) {
      if (missing[c]! > 0 && --missing[c]! === 0 && inSet[c] === 0) {
        inSet[c] = 1;
        queue.push(c);
      }
    }
  }
  return inSet;
}
