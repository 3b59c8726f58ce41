/**
 * The contrast estimators of τ(u, t): among the movies user u rated, the (weighted) mean rating of
 * those that carry tag t minus that of those that do not,
 *
 *   τ̂(u, t) = Σ_{m ∈ O_u, t ∈ TM_m} w_m R_{u,m} / Σ_{…} w_m  −  Σ_{m ∈ O_u, t ∉ TM_m} w_m R_{u,m} / Σ_{…} w_m
 *
 * with w ≡ 1 (the naive difference of means) or w_m = 1/p_m, p_m = P(R_R = 1 | m) (inverse
 * propensity weighting in its self-normalised, Hájek form: each arm's weighted mean estimates the
 * mean over the whole catalog's movies in that arm, not over the rated ones). A pair whose user
 * rated no movie in one of the arms has no contrast; it gets 0, the effect of a tag the user does
 * not like, which is most pairs.
 *
 * Cost: one pass over the user's ratings and their movies' tags, with per-tag accumulators reset
 * through the list of tags touched, so a user costs O(ratings × tags per movie), not O(tags).
 */
import type { EffectsData } from "./effects-data.js";
import { populationSize, tagColumns } from "./effects-data.js";

/**
 * The contrast of every population pair; `weight[m]` = w_m, or null for w ≡ 1. When `defined` is
 * given (one byte per pair), it is set to 1 where the pair has a contrast (both arms rated).
 */
export function armContrast(data: EffectsData, weight: Float64Array | null, defined?: Uint8Array): Float64Array {
  const width = data.catalogTags.length;
  const out = new Float64Array(populationSize(data.users, width));
  const col = tagColumns(data.tags, data.catalogTags);
  const { start, movie, rating } = data.ratings;
  const tm = data.movies;
  const sumW = new Float64Array(width);
  const sumWR = new Float64Array(width);
  const count = new Int32Array(width);
  const touched = new Int32Array(width);
  for (let u = 0; u < data.users; u++) {
    let W = 0;
    let WR = 0;
    let n = 0;
    let k = 0;
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      const m = movie[i]!;
      const w = weight === null ? 1 : weight[m]!;
      const r = rating[i]!;
      W += w;
      WR += w * r;
      n++;
      for (let j = tm.start[m]!; j < tm.start[m + 1]!; j++) {
        const c = col[tm.tag[j]!]!;
        if (count[c] === 0) touched[k++] = c;
        count[c]!++;
        sumW[c]! += w;
        sumWR[c]! += w * r;
      }
    }
    const row = u * width;
    for (let i = 0; i < k; i++) {
      const c = touched[i]!;
      // Both arms non-empty: some rated movie lacks the tag.
      if (count[c]! < n) {
        out[row + c] = sumWR[c]! / sumW[c]! - (WR - sumWR[c]!) / (W - sumW[c]!);
        if (defined !== undefined) defined[row + c] = 1;
      }
      count[c] = 0;
      sumW[c] = 0;
      sumWR[c] = 0;
    }
  }
  return out;
}

/** w_m = 1/p_m for the rated movies' propensities. */
export function inverse(p: Float64Array): Float64Array {
  return Float64Array.from(p, (x) => 1 / x);
}

/**
 * The propensity estimated from the data alone: p̂_m = (ratings of m) / users. R_R depends on the
 * movie only (docs/model.md), so each movie's observed share is an unbiased estimate of p_m.
 * A movie nobody rated gets no weight anywhere (it is in no arm), so its p̂ = 0 is never inverted.
 */
export function countPropensity(data: EffectsData): Float64Array {
  const p = new Float64Array(data.movies.start.length - 1);
  for (let i = 0; i < data.ratings.movie.length; i++) p[data.ratings.movie[i]!]!++;
  for (let m = 0; m < p.length; m++) p[m] = p[m]! / data.users;
  return p;
}
