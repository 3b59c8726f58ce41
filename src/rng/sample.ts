/**
 * Sampling helpers over a Stream: uniform and weighted draws without replacement.
 * All take the stream as an argument (no hidden global source).
 */
import { portableLog } from "./portable-log.js";
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
  for (let i = 0; i < k; i++) {
    let x = table.draw(rng);
    while (taken(out, i, x) || (exclude !== undefined && exclude.has(x))) x = table.draw(rng);
    out[i] = x;
  }
  return out;
}

/** Is x among out[0..n)? (k is small — a user's liked tags — so a scan beats a Set.) */
function taken(out: Int32Array, n: number, x: number): boolean {
  for (let j = 0; j < n; j++) if (out[j] === x) return true;
  return false;
}

function countPositive(table: WeightedTable, items: ReadonlySet<number>): number {
  let n = 0;
  for (const i of items) if ((table.weights[i] ?? 0) > 0) n++;
  return n;
}

const TWO_POW_32 = 4294967296;

/**
 * Independent Bernoulli draws over items 0..n−1 with P(hit i) = min(1, scale · w[i]), calling
 * `hit(i)` for each hit in increasing order, by thinning (Lewis & Shedler 1979): candidates come
 * at geometric gaps with the largest probability p* = min(1, scale · wMax), and a candidate i is
 * kept with probability p_i / p*. Each i is then a hit with probability exactly p_i, independently,
 * and a row of n items costs about n·p* draws instead of n — what makes the sparse missingness
 * indicators (P ≈ 0.02) cheap. `wMax` must bound every w[i].
 */
export function thinnedBernoulli(rng: Stream, w: Float64Array, scale: number, wMax: number, hit: (i: number) => void): void {
  const n = w.length;
  const pMax = Math.min(1, scale * wMax);
  if (!(pMax > 0)) return;
  const logQ = pMax < 1 ? Math.log1p(-pMax) : 0;
  const keep = TWO_POW_32 / pMax;
  for (let i = -1; ; ) {
    // Gap G with P(G = g) = (1 − p*)^g p*: floor(log V / log(1 − p*)) for V uniform in (0, 1].
    i += pMax < 1 ? Math.floor(portableLog(1 - rng.uniform()) / logQ) + 1 : 1;
    if (i >= n) return;
    const p = scale * w[i]!;
    if (p >= pMax || rng.nextUint32() < p * keep) hit(i);
  }
}
