/**
 * docs/model.md#m-movies and #tag-popularity: the |M| movies with the largest total tagCount (ties broken by movie id,
 * where the authors' unstable sort left them arbitrary, docs/test-sets.md#defects-of-the-authors-generator), in popularity order, and
 * the tag vocabulary they use with its popularity π_t ∝ Σ_m tagCount(m, t).
 */
import { ConfigError } from "../errors/errors.js";
import { type BaseCatalog, movieCount, moviePopularity } from "./base-catalog.js";

/** The selected movies. Internal movie index i is popularity rank i (0 = most tagged). */
export interface SelectedCatalog {
  readonly source: string;
  readonly movies: number;
  /** Original movie id per internal index. */
  readonly originalMovieId: Int32Array;
  readonly avgRating: Float64Array;
  /** Total tagCount per movie (the popularity the rank comes from). */
  readonly popularity: Float64Array;
  /** Each movie's base tags, internal tag ids, by count descending: tag[start[i] .. start[i+1]). */
  readonly tagStart: Int32Array;
  readonly tag: Int32Array;
  /** Internal tag id → original tag id. Internal ids follow first appearance in the lists above. */
  readonly originalTagId: Int32Array;
  /** π_t over internal tag ids, summing to 1. */
  readonly tagPopularity: Float64Array;
}

export function selectMovies(base: BaseCatalog, movies: number): SelectedCatalog {
  const n = movieCount(base);
  if (movies > n) {
    throw new ConfigError(`option movies: ${movies} movies asked for, but the catalog ${base.source} has only ${n} movies with tags`);
  }
  const pop = moviePopularity(base);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => pop[b]! - pop[a]! || base.movieId[a]! - base.movieId[b]!);
  const chosen = order.slice(0, movies);
  const internal = new Map<number, number>();
  const originalTag: number[] = [];
  const weight: number[] = [];
  const tagStart = new Int32Array(movies + 1);
  const tags: number[] = [];
  chosen.forEach((i, m) => {
    tagStart[m] = tags.length;
    for (let k = base.tagStart[i]!; k < base.tagStart[i + 1]!; k++) {
      const orig = base.tagId[k]!;
      let t = internal.get(orig);
      if (t === undefined) {
        t = originalTag.length;
        internal.set(orig, t);
        originalTag.push(orig);
        weight.push(0);
      }
      weight[t]! += base.tagCount[k]!;
      tags.push(t);
    }
  });
  tagStart[movies] = tags.length;
  const total = weight.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new ConfigError(`catalog ${base.source}: the selected movies have no tag counts (expected positive tagCount values)`);
  return {
    source: base.source,
    movies,
    originalMovieId: Int32Array.from(chosen, (i) => base.movieId[i]!),
    avgRating: Float64Array.from(chosen, (i) => base.avgRating[i]!),
    popularity: Float64Array.from(chosen, (i) => pop[i]!),
    tagStart,
    tag: Int32Array.from(tags),
    originalTagId: Int32Array.from(originalTag),
    tagPopularity: Float64Array.from(weight, (w) => w / total),
  };
}
