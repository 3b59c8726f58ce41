/**
 * R (paper Eq. 5, as the reference generator applies it): R_{u,m} = clip(round(Q_m − μ +
 * N(|TL_{u,m}|/2, σ2²)), min, max). `round: false` keeps the continuous value (still clipped).
 *
 * Sampling. The rounded, clipped rating takes few values, and its law given (m, |TL|) is known
 * exactly: with x = Q_m − μ + |TL|/2 and the steps c_j (size s_j) of y ↦ clip(round(y)),
 * P(R ≥ min + Σ_{i≤j} s_i) = 1 − Φ((c_j − x)/σ). So each pair takes one 32-bit uniform u and
 * R = min + Σ_j s_j·[u ≥ T_j], T_j = Φ((c_j − x)/σ)·2^32, the thresholds tabulated once per
 * (movie, |TL|): the same distribution as drawing the normal and rounding (to 2^−32), at the cost
 * of one integer draw instead of a normal deviate (tested against the exact law).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { normalCdf } from "./normal-cdf.js";
import { SHIFT_PER_TAG, stepsOf } from "./rating-expectation.js";
import { defineMechanism } from "./mechanism.js";
import { minNotAboveMax } from "./min-not-above-max.js";
import { MAX_TAGS_PER_MOVIE, expectFloatRow, expectTagSetRow, popcount } from "./values.js";

export const ratingParams = z
  .object({
    mu: z.number().default(0.7),
    sigma: z.number().min(0).default(0.25),
    min: z.number().default(1),
    max: z.number().default(5),
    round: z.boolean().default(true),
  })
  .strict()
  .check(minNotAboveMax);

export type RatingParams = z.output<typeof ratingParams>;

const TWO_POW_32 = 4294967296;
/** Steps of the usual scales (1..5 has four) are padded to this many for a branch-free sampler. */
const PADDED = 4;

/** Thresholds T[(k·|M| + m)·S + j] of the inverse-CDF sampler for |TL| = k < K (see the header). */
/**
 * Φ(z) · 2^32, rounded. Beyond |z| = 6.4 the tail is below 7.8e-11, under half of 2^−32, so the
 * rounded value is exactly 0 or 2^32 without evaluating Φ (most thresholds lie there).
 */
function shareBelow(z: number): number {
  if (z <= -6.4) return 0;
  if (z >= 6.4) return TWO_POW_32;
  return Math.round(normalCdf(z) * TWO_POW_32);
}

export function ratingThresholds(q: Float64Array, p: RatingParams, K: number, prebuilt?: Float64Array): { table: Float64Array; steps: number; levels: Float64Array } {
  const { at } = stepsOf(p.min, p.max);
  // Up to PADDED steps are padded with thresholds no u reaches (2^32), for the branch-free path.
  const S = at.length <= PADDED ? PADDED : at.length;
  // levels[j]: the rating between step j − 1 and step j, computed as the mechanism's own rounding
  // and clipping of a point there (so the values are exactly those of the normal draw).
  const levels = new Float64Array(S + 1).fill(p.max);
  const clipRound = (y: number) => {
    const r = Math.round(y);
    return r < p.min ? p.min : r > p.max ? p.max : r;
  };
  levels[0] = p.min;
  for (let j = 0; j < at.length; j++) levels[j + 1] = clipRound(j + 1 < at.length ? (at[j]! + at[j + 1]!) / 2 : at[j]! + 0.25);
  // A table handed over from an identical setup (the main thread's) is taken as it is.
  if (prebuilt !== undefined && prebuilt.length === q.length * K * S) return { table: prebuilt, steps: S, levels };
  const table = new Float64Array(q.length * K * S);
  // z = (c_j − x)/σ with x = Q_m − μ + k/2: on the usual scales the (j, k) pairs of a movie share
  // few distinct values of c_j − k/2, so Φ is computed once per value (cached per movie).
  const cache = new Map<number, number>();
  for (let m = 0; m < q.length; m++) {
    cache.clear();
    for (let k = 0; k < K; k++) {
      const x = q[m]! - p.mu + k * SHIFT_PER_TAG;
      for (let j = 0; j < S; j++) {
        const c = at[j];
        let v: number;
        if (c === undefined) v = TWO_POW_32;
        else if (p.sigma === 0) v = x < c ? TWO_POW_32 : 0;
        else {
          const key = c - k * SHIFT_PER_TAG;
          const hit = cache.get(key);
          v = hit ?? shareBelow((c - x) / p.sigma);
          if (hit === undefined) cache.set(key, v);
        }
        table[(k * q.length + m) * S + j] = v;
      }
    }
  }
  return { table, steps: S, levels };
}

export const rating = defineMechanism({
  kind: "rating",
  role: "rating",
  value: "number-row",
  description: "R = clip(round(Q − mu + N(|TL|/2, sigma²)), min, max) (Eq. 5)",
  plates: ["user-movie"],
  params: ratingParams,
  setup: (ctx) => {
    const name = ctx.node.name;
    if (ctx.node.parents.length !== 2) throw new GraphError(`node '${name}': rating needs two parents, the liked-tag overlap (TL) and the quality (Q)`);
    const [tlName, qName] = ctx.node.parents as [string, string];
    const q = expectFloatRow(ctx.parents.get(qName), name, qName, ctx.dims.movies);
    const { mu, sigma, min, max, round } = ctx.params;
    const row = new Float64Array(ctx.dims.movies);
    if (!round) {
      const base = Float64Array.from(q, (x) => x - mu);
      return {
        forUser: ({ parents, rng }) => {
          const tl = expectTagSetRow(parents.get(tlName), name, tlName);
          for (let m = 0; m < row.length; m++) {
            const x = base[m]! + likedCount(tl.mask, tl.count, m) * SHIFT_PER_TAG + sigma * rng.normal();
            row[m] = x < min ? min : x > max ? max : x;
          }
          return row;
        },
      };
    }
    // Laid out |TL|-major, so the common |TL| = 0 rows are read in movie order.
    const { table, steps: S, levels } = ratingThresholds(q, ctx.params, MAX_TAGS_PER_MOVIE + 1, ctx.prebuilt?.thresholds);
    const M = ctx.dims.movies;
    const scratch = new Uint8Array(M);
    const draws = new Uint32Array(M);
    return {
      tables: { thresholds: table },
      forUser: ({ parents, rng }) => {
        const tl = expectTagSetRow(parents.get(tlName), name, tlName);
        const count = tl.count ?? popcountRow(tl.mask, scratch);
        // One draw a movie, in movie order (drawn in one go: the same values as one call each).
        rng.fillUint32(draws, M);
        if (S === PADDED) {
          // Branch-free: the number of thresholds at or below u (the usual 1..5 scale, padded).
          for (let m = 0; m < row.length; m++) {
            const u = draws[m]!;
            const at = (count[m]! * M + m) * PADDED;
            row[m] = levels[+(u >= table[at]!) + +(u >= table[at + 1]!) + +(u >= table[at + 2]!) + +(u >= table[at + 3]!)]!;
          }
        } else {
          for (let m = 0; m < row.length; m++) {
            const u = draws[m]!;
            const at = (count[m]! * M + m) * S;
            let j = 0;
            for (let k = 0; k < S; k++) j += +(u >= table[at + k]!);
            row[m] = levels[j]!;
          }
        }
        return row;
      },
    };
  },
});

function likedCount(mask: Uint32Array, count: Uint8Array | undefined, m: number): number {
  return count === undefined ? popcount(mask[m]!) : count[m]!;
}

function popcountRow(mask: Uint32Array, out: Uint8Array): Uint8Array {
  for (let m = 0; m < mask.length; m++) out[m] = popcount(mask[m]!);
  return out;
}
