/**
 * What the `effects` task gives an estimator of τ (paper Eq. 1), and what it scores against.
 *
 * The population is every user × every catalog tag (a tag on at least one movie of movie.csv),
 * laid out user-major with the catalog tags ascending: pair (u, column c) is at u·C + c, C the
 * number of catalog tags. Estimates and the truth are dense typed arrays over it, so no structure
 * is ever keyed by (user, tag) pairs.
 *
 * Observed data only (train/): the ratings R*, the movies' tags TM, the positive tag labels of
 * obstag.csv and rcttag.csv. The oracle propensities P(R_R = 1 | m) come from truth/movie.csv and
 * are given only to the estimators that say they are oracles.
 */
import type { MovieTags } from "../../catalog/movie-tags.js";
import { type ObservedRatings, observedByUser } from "../../truth/policy-value.js";

/** Observed ratings, grouped by user: user u's rows are start[u] .. start[u+1] (the shape policy values use too). */
export type UserRatings = ObservedRatings;

export interface EffectsData {
  readonly users: number;
  /** Tag ids are 0..tags−1 (max id + 1 over movie.csv). */
  readonly tags: number;
  /** The catalog tags, ascending: the population's columns. */
  readonly catalogTags: Int32Array;
  /** TM of every movie (train/movie). */
  readonly movies: MovieTags;
  readonly ratings: UserRatings;
  /** Positive tag labels (tag ≥ 0 rows of obstag.csv and rcttag.csv), as given (repeats kept). */
  readonly likedUser: Int32Array;
  readonly likedTag: Int32Array;
  /** truth/movie's p_rating_observed, for the oracle estimators only; absent without truth/. */
  readonly propensity?: Float64Array;
}

/** The exact τ over the population (dense, layout above); τ′ = [τ > 0]. */
export interface EffectsTruth {
  readonly tau: Float64Array;
}

/** The effects task's data: what an estimator may see, and the truth when the folder has it. */
export interface EffectsTaskData {
  readonly data: EffectsData;
  readonly truth?: EffectsTruth;
}

/** Column of each tag id in the population (−1 for an id on no movie). */
export function tagColumns(tags: number, catalogTags: Int32Array): Int32Array {
  const col = new Int32Array(tags).fill(-1);
  for (let c = 0; c < catalogTags.length; c++) col[catalogTags[c]!] = c;
  return col;
}

/** The most population pairs the dense arrays may hold (2^28 doubles: 2 GB each). */
export const POPULATION_MAX = 1 << 28;

/** users × catalog tags, or a RangeError beyond POPULATION_MAX. */
export function populationSize(users: number, catalogTags: number): number {
  const n = users * catalogTags;
  if (n > POPULATION_MAX) throw new RangeError(`effects: ${users} users × ${catalogTags} tags = ${n} pairs, more than the ${POPULATION_MAX} the dense population holds`);
  return n;
}

/** Rows grouped by user, keeping the given order within a user (truth/policy-value.ts's grouping). */
export const groupRatings = observedByUser;
