/**
 * Step 4 of the synthetic catalog (synthetic.ts): the tag of every tag slot. New tags enter along
 * a Heaps' law; the other slots reuse tags already introduced, drawn without replacement with
 * Zipf–Mandelbrot weights (i + 1 + offset)^(−γ) in order of introduction i.
 */
import type { Stream } from "../rng/stream.js";
import type { SyntheticCatalogParams } from "./synthetic-options.js";

/**
 * Tags (in order of introduction, 0..tags−1) of every slot, slots laid out movie by movie in
 * popularity order, each movie's slots in its count order.
 */
export function assignTags(
  rng: Stream,
  p: SyntheticCatalogParams,
  order: Int32Array,
  kept: Int32Array,
  slotsMax: number,
  slots: number,
): Int32Array {
  const cumulative = new Float64Array(p.tags);
  for (let t = 0, acc = 0; t < p.tags; t++) {
    acc += (t + 1 + p.tagReuseOffset) ** -p.tagReuseExponent;
    cumulative[t] = acc;
  }
  const vocabulary = (s: number) => Math.min(s, Math.floor(p.tags * (s / slots) ** p.heapsExponent));
  const out = new Int32Array(slots);
  const chosen = new Int32Array(slotsMax);
  const isNew = new Uint8Array(slotsMax);
  let introduced = 0;
  let s = 0;
  for (let j = 0; j < order.length; j++) {
    const m = kept[order[j]!]!;
    const fresh = Math.min(p.tags - introduced, Math.max(vocabulary(s + m) - introduced, m - introduced, 0));
    const reuseFrom = introduced; // tags of earlier movies only
    const reused = m - fresh;
    // Positions of the new tags: distinct, uniform among 1..m−1 (the first, largest count goes
    // to a reused tag), or every position when the movie has only new tags.
    isNew.fill(0);
    if (reused === 0) isNew.fill(1, 0, m);
    else for (let k = 0; k < fresh; k++) {
      let at: number;
      do at = 1 + rng.int(m - 1);
      while (isNew[at] === 1);
      isNew[at] = 1;
    }
    let drawn = 0;
    for (let k = 0; k < m; k++) {
      if (isNew[k] === 1) {
        out[s + k] = introduced++;
        continue;
      }
      let t = drawPrefix(rng, cumulative, reuseFrom);
      for (let tries = 1; indexOf(chosen, drawn, t) >= 0; tries++) {
        // Rejection of repeats; a weight too small to register in the cumulative sum (an extreme
        // exponent) could make it endless, so fall back to the heaviest tag not yet chosen.
        if (tries < 1000) t = drawPrefix(rng, cumulative, reuseFrom);
        else for (t = 0; indexOf(chosen, drawn, t) >= 0; t++);
      }
      chosen[drawn++] = t;
      out[s + k] = t;
    }
    s += m;
  }
  return out;
}

/** Position of `x` among the first `n` entries of `a`, or −1. */
function indexOf(a: Int32Array, n: number, x: number): number {
  for (let i = 0; i < n; i++) if (a[i] === x) return i;
  return -1;
}

/** One index in [0, size) with probability ∝ its weight (cumulative sums, binary search). */
function drawPrefix(rng: Stream, cumulative: Float64Array, size: number): number {
  const x = rng.uniform() * cumulative[size - 1]!;
  let lo = 0;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

