/**
 * Sampling helpers over a Stream: uniform and weighted draws without replacement.
 * All take the stream as an argument (no hidden global source).
 */
import type { Stream } from "./stream.js";

/**
 * k distinct integers from [0, n), uniformly, in draw order (Robert Floyd's algorithm for small k;
 * a partial Fisher–Yates shuffle when k is a large share of n).
 */
export function sampleWithoutReplacement(rng: Stream, n: number, k: number): Int32Array {
  if (k > n) throw new RangeError(`sampleWithoutReplacement: k = ${k} exceeds n = ${n}`);
  const out = new Int32Array(k);
  if (k * 4 >= n) {
    const pool = new Int32Array(n);
    for (let i = 0; i < n; i++) pool[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + rng.int(n - i);
      const t = pool[j]!;
      pool[j] = pool[i]!;
      pool[i] = t;
      out[i] = t;
    }
    return out;
  }
  const seen = new Set<number>();
  for (let i = 0; i < k; i++) {
    let x = rng.int(n);
    while (seen.has(x)) x = rng.int(n);
    seen.add(x);
    out[i] = x;
  }
  return out;
}

/** Cumulative weights for weighted draws; zero-weight items are never drawn. */
export class WeightedTable {
  readonly cumulative: Float64Array;
  readonly total: number;
  /** Number of items with positive weight. */
  readonly support: number;
  constructor(readonly weights: Float64Array) {
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    let support = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0)) throw new RangeError(`WeightedTable: weight ${i} is ${w}, expected ≥ 0`);
      acc += w;
      if (w > 0) support++;
      this.cumulative[i] = acc;
    }
    this.total = acc;
    this.support = support;
  }
  /** One draw with probability weight_i / total (binary search on the cumulative sum). */
  draw(rng: Stream): number {
    const x = rng.uniform() * this.total;
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (c[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * k distinct items drawn successively with probability proportional to weight among those not yet
 * drawn (the sequential scheme of numpy's `choice(replace=False, p=...)`), implemented by rejecting
 * repeats, which gives the same distribution. `exclude` items are never drawn.
 */
export function weightedSampleWithoutReplacement(
  rng: Stream,
  table: WeightedTable,
  k: number,
  exclude?: ReadonlySet<number>,
): Int32Array {
  const available = table.support - (exclude ? countPositive(table, exclude) : 0);
  if (k > available) {
    throw new RangeError(`weightedSampleWithoutReplacement: k = ${k} exceeds the ${available} items available`);
  }
  const out = new Int32Array(k);
  const taken = new Set<number>();
  for (let i = 0; i < k; i++) {
    let x = table.draw(rng);
    while (taken.has(x) || (exclude !== undefined && exclude.has(x))) x = table.draw(rng);
    taken.add(x);
    out[i] = x;
  }
  return out;
}

function countPositive(table: WeightedTable, items: ReadonlySet<number>): number {
  let n = 0;
  for (const i of items) if ((table.weights[i] ?? 0) > 0) n++;
  return n;
}
