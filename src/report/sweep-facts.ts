/**
 * What a sweep's report shows of each world's data (report/sweep-report.ts): how unequally the
 * observations are spread over the movies — the Gini coefficient of the observed ratings
 * (train/rating) and of the observational-tag pairs (train/obstag) per movie, the usual measure
 * of popularity bias in recommendation data (0: every movie observed as often; near 1: all on a
 * few) — and the mean observed rating (selection on the rating moves it). Pure: a folder's
 * columns in, numbers out; counts per movie only (no set of pairs).
 */
import type { CtarFolder, IntTable } from "../stats/ctar-folder.js";

export interface SweepWorldFacts {
  readonly folder: string;
  readonly value: number;
  readonly ratings: number;
  readonly ratingGini: number;
  readonly meanRating: number;
  readonly obsPairs: number;
  readonly obsGini: number;
  /** Replicate worlds these are the mean of (1: one world). */
  readonly worlds: number;
}

/** The mean of each figure over a value's replicate worlds. */
export function meanFacts(facts: readonly SweepWorldFacts[]): SweepWorldFacts {
  const mean = (f: (x: SweepWorldFacts) => number) => facts.reduce((a, x) => a + f(x), 0) / facts.length;
  return {
    folder: facts[0]!.folder,
    value: facts[0]!.value,
    ratings: mean((x) => x.ratings),
    ratingGini: mean((x) => x.ratingGini),
    meanRating: mean((x) => x.meanRating),
    obsPairs: mean((x) => x.obsPairs),
    obsGini: mean((x) => x.obsGini),
    worlds: facts.length,
  };
}

/**
 * Gini coefficient of non-negative counts: with x sorted ascending, G = 2 Σ_i i·x_i / (n Σ x) −
 * (n + 1)/n (i = 1 … n); 0 for an empty total.
 */
export function gini(counts: Int32Array | Float64Array): number {
  const x = Float64Array.from(counts).sort();
  const n = x.length;
  let total = 0;
  let weighted = 0;
  x.forEach((c, i) => {
    total += c;
    weighted += (i + 1) * c;
  });
  return total > 0 ? (2 * weighted) / (n * total) - (n + 1) / n : 0;
}

/** (user, movie) pairs of a tag file per movie: rows of one pair are consecutive (one per tag). */
function pairsPerMovie(t: IntTable, movies: number): { counts: Int32Array; pairs: number } {
  const [user, movie] = t.cols as [Int32Array, Int32Array];
  const counts = new Int32Array(movies);
  let pairs = 0;
  for (let i = 0; i < t.rows; i++) {
    if (i > 0 && user[i] === user[i - 1] && movie[i] === movie[i - 1]) continue;
    counts[movie[i]!]!++;
    pairs++;
  }
  return { counts, pairs };
}

export function sweepWorldFacts(folder: string, value: number, d: CtarFolder): SweepWorldFacts {
  const movies = d.movieTags.length;
  const [, movie, rating] = d.rating.cols as [Int32Array, Int32Array, Int32Array];
  const perMovie = new Int32Array(movies);
  let sum = 0;
  for (let i = 0; i < d.rating.rows; i++) {
    perMovie[movie[i]!]!++;
    sum += rating[i]!;
  }
  const obs = pairsPerMovie(d.obstag, movies);
  return {
    folder,
    value,
    ratings: d.rating.rows,
    ratingGini: gini(perMovie),
    meanRating: d.rating.rows > 0 ? sum / d.rating.rows : Number.NaN,
    obsPairs: obs.pairs,
    obsGini: gini(obs.counts),
    worlds: 1,
  };
}
