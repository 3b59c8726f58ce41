/**
 * Summary figures of a base catalog: the figures of docs/catalog.md#figures-of-a-catalog, computed the same way for the authors' base data and for the built-in
 * synthetic catalog so the two can be compared.
 *
 * Conventions (fixed here so that every figure has one meaning):
 * - popularity of a movie = the sum of its tagCounts (docs/model.md#m-movies); the "top N" movies
 *   are the N largest, ties broken by ascending movie id (docs/test-sets.md#defects-of-the-authors-generator, item 5);
 * - popularity of a tag = the sum of its tagCount over all movies of the catalog;
 * - standard deviations are sample standard deviations (divisor n − 1, as pandas' `std`);
 * - a "slope" is the ordinary least-squares slope of ln(value) on ln(rank), ranks starting at 1,
 *   over the values sorted descending; values ≤ 0 (no logarithm) are left out of the fit.
 */
import { type BaseCatalog, movieCount, moviePopularity } from "./base-catalog.js";

/** The figures of one catalog (docs/catalog.md#figures-of-a-catalog). */
export interface CatalogStats {
  /** Number of movies. */
  readonly movies: number;
  /** Mean and sample sd of the average ratings, over all movies. */
  readonly ratingMean: number;
  readonly ratingSd: number;
  /** The N of the "top" figures (min(top, movies)). */
  readonly top: number;
  /** Mean and sample sd of the average ratings of the `top` most popular movies. */
  readonly topRatingMean: number;
  readonly topRatingSd: number;
  /** Distinct tag ids over the whole catalog. */
  readonly distinctTags: number;
  /** Mean number of tags per movie. */
  readonly tagsPerMovie: number;
  /** Share of movies with exactly 8 tags. */
  readonly shareWith8Tags: number;
  /** Log-log slope of tag popularity over tag ranks 1..top. */
  readonly tagPopularitySlope: number;
  /**
   * Log-log slope of tag popularity counted over the `top` most popular movies only (ranks
   * 1..top): the π of docs/model.md#tag-popularity that the generator uses. Not a catalog figure.
   */
  readonly topTagPopularitySlope: number;
  /** Log-log slope of movie popularity over movie ranks 1..top. */
  readonly topMoviePopularitySlope: number;
  /** Log-log slope of movie popularity over all movies. */
  readonly moviePopularitySlope: number;
  /** Distinct tag ids among the (at most 8-tag) lists of the `top` most popular movies. */
  readonly topDistinctTags: number;
}

/** Movie indices by popularity descending, ties by movie id ascending. */
export function popularityOrder(c: BaseCatalog): Int32Array {
  const pop = moviePopularity(c);
  const order = Int32Array.from({ length: movieCount(c) }, (_, i) => i);
  order.sort((a, b) => pop[b]! - pop[a]! || c.movieId[a]! - c.movieId[b]!);
  return order;
}

/** Mean and sample sd (n − 1) of `values` at the given indices (all when omitted). */
export function meanSd(values: Float64Array, indices?: ArrayLike<number>): { mean: number; sd: number } {
  const n = indices ? indices.length : values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  const at = (k: number) => values[indices ? indices[k]! : k]!;
  let s = 0;
  for (let k = 0; k < n; k++) s += at(k);
  const mean = s / n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (at(k) - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/**
 * Least-squares slope of ln(value) on ln(rank) for the first `limit` values of `sortedDesc`
 * (rank 1 = first). Non-positive values are skipped; NaN when fewer than two points remain.
 */
export function logLogSlope(sortedDesc: ArrayLike<number>, limit = sortedDesc.length): number {
  const n = Math.min(limit, sortedDesc.length);
  let m = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const v = sortedDesc[i]!;
    if (!(v > 0)) continue;
    const x = Math.log(i + 1);
    const y = Math.log(v);
    m++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const den = m * sxx - sx * sx;
  return m < 2 || den === 0 ? Number.NaN : (m * sxy - sx * sy) / den;
}

/**
 * Total tagCount per tag id over the given movies (all when omitted), sorted descending: one
 * entry per distinct tag.
 */
export function tagPopularity(c: BaseCatalog, movies?: ArrayLike<number>): Float64Array {
  const total = new Map<number, number>();
  const n = movies ? movies.length : movieCount(c);
  for (let j = 0; j < n; j++) {
    const i = movies ? movies[j]! : j;
    for (let k = c.tagStart[i]!; k < c.tagStart[i + 1]!; k++) {
      const t = c.tagId[k]!;
      total.set(t, (total.get(t) ?? 0) + c.tagCount[k]!);
    }
  }
  return Float64Array.from(total.values()).sort().reverse();
}

/** Number of distinct tag ids among the first `perMovie` tags of the given movies. */
export function distinctTagsOf(c: BaseCatalog, movies: ArrayLike<number>, perMovie = 8): number {
  const seen = new Set<number>();
  for (let j = 0; j < movies.length; j++) {
    const i = movies[j]!;
    const end = Math.min(c.tagStart[i + 1]!, c.tagStart[i]! + perMovie);
    for (let k = c.tagStart[i]!; k < end; k++) seen.add(c.tagId[k]!);
  }
  return seen.size;
}

/** The catalog figures of `c`; the "top" figures use the `top` most popular movies / tags. */
export function catalogStats(c: BaseCatalog, top = 1000): CatalogStats {
  const n = movieCount(c);
  const order = popularityOrder(c);
  const topN = Math.min(top, n);
  const topMovies = order.subarray(0, topN);
  const all = meanSd(c.avgRating);
  const best = meanSd(c.avgRating, topMovies);
  const pop = moviePopularity(c);
  const popSorted = Float64Array.from(order, (i) => pop[i]!);
  let with8 = 0;
  for (let i = 0; i < n; i++) if (c.tagStart[i + 1]! - c.tagStart[i]! === 8) with8++;
  const tagPop = tagPopularity(c);
  return {
    movies: n,
    ratingMean: all.mean,
    ratingSd: all.sd,
    top: topN,
    topRatingMean: best.mean,
    topRatingSd: best.sd,
    distinctTags: tagPop.length,
    tagsPerMovie: n === 0 ? Number.NaN : c.tagId.length / n,
    shareWith8Tags: n === 0 ? Number.NaN : with8 / n,
    tagPopularitySlope: logLogSlope(tagPop, top),
    topTagPopularitySlope: logLogSlope(tagPopularity(c, topMovies), top),
    topMoviePopularitySlope: logLogSlope(popSorted, top),
    moviePopularitySlope: logLogSlope(popSorted),
    topDistinctTags: distinctTagsOf(c, topMovies),
  };
}
