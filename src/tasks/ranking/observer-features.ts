/**
 * The features of a (user, movie) pair in the ranking task: what an observer of the dataset can
 * compute, never the truth (docs/tasks-ranking.md#features). Read from the same values the
 * dataset's files hold, regenerated user by user:
 *   bias                1
 *   popularity          1 − ln(m + 1) / ln(|M| + 1), m the movie's popularity rank (movie.csv's id)
 *   movie_mean_rating   the movie's mean observed rating (R where R_R = 1, rating.csv) shrunk
 *                       toward the overall mean by SHRINK pseudo-ratings, minus the overall mean
 *   liked_tag_overlap   how many of the movie's tags (TM) the user is seen to like: tags labelled
 *                       in the user's ObsTag rows (R_O = 1) or in their RCT rows (R_RCT = 1)
 * Memory: per-movie sums and one user's seen tags.
 */
import type { MovieTags } from "../../catalog/movie-tags.js";
import { GraphError } from "../../errors/errors.js";
import type { NodeValue, TagObservationRow, TagSetRow } from "../../mechanisms/values.js";

export const FEATURE_NAMES: readonly string[] = ["bias", "popularity", "movie_mean_rating", "liked_tag_overlap"];
/** Pseudo-ratings at the overall mean added to every movie's observed ratings. */
export const SHRINK = 5;

export interface ObserverNodes {
  readonly tm: string;
  readonly tl: string;
  readonly rating: string;
  readonly ratingMissingness: string;
  readonly obstagMissingness: string | undefined;
  readonly surveyMissingness: string | undefined;
}

export class ObserverFeatures {
  private readonly tm: MovieTags;
  private readonly sum: Float64Array;
  private readonly count: Float64Array;
  private readonly seen: Uint8Array;
  private seenList: number[] = [];

  constructor(
    movieValues: ReadonlyMap<string, NodeValue>,
    private readonly nodes: ObserverNodes,
    private readonly movies: number,
  ) {
    const tm = movieValues.get(nodes.tm) as MovieTags | undefined;
    if (tm === undefined || !(tm.start instanceof Int32Array)) throw new GraphError(`node '${nodes.tm}': not the movies' tags (the ranking task's features read them)`);
    this.tm = tm;
    this.sum = new Float64Array(movies);
    this.count = new Float64Array(movies);
    let tags = 0;
    for (let i = 0; i < tm.tag.length; i++) tags = Math.max(tags, tm.tag[i]! + 1);
    this.seen = new Uint8Array(tags);
  }

  private markSlots(m: number, mask: number): void {
    const s = this.tm.start[m]!;
    for (let k = 0; mask !== 0; k++, mask >>>= 1) {
      if ((mask & 1) === 0) continue;
      const t = this.tm.tag[s + k]!;
      if (this.seen[t] === 0) this.seenList.push(t);
      this.seen[t] = 1;
    }
  }

  /** Takes one user's observed values: their ratings (movie sums) and the tags they are seen to like. */
  addUser(values: ReadonlyMap<string, NodeValue>): void {
    for (const t of this.seenList) this.seen[t] = 0;
    this.seenList = [];
    const r = values.get(this.nodes.rating) as Float64Array;
    const rr = values.get(this.nodes.ratingMissingness) as Uint8Array;
    for (let m = rr.indexOf(1); m >= 0; m = rr.indexOf(1, m + 1)) {
      this.sum[m]! += r[m]!;
      this.count[m]! += 1;
    }
    if (this.nodes.obstagMissingness !== undefined) {
      const o = values.get(this.nodes.obstagMissingness) as TagObservationRow;
      for (let m = o.observed.indexOf(1); m >= 0; m = o.observed.indexOf(1, m + 1)) this.markSlots(m, o.labelled[m]!);
    }
    if (this.nodes.surveyMissingness !== undefined) {
      const rct = values.get(this.nodes.surveyMissingness) as Uint8Array;
      const tl = values.get(this.nodes.tl) as TagSetRow;
      for (let m = rct.indexOf(1); m >= 0; m = rct.indexOf(1, m + 1)) this.markSlots(m, tl.mask[m]!);
    }
  }

  /** Writes the current user's features of movie m at x[off …] (movie_mean_rating waits for `finish`). */
  write(m: number, x: Float64Array, off: number): void {
    let overlap = 0;
    for (let i = this.tm.start[m]!; i < this.tm.start[m + 1]!; i++) overlap += this.seen[this.tm.tag[i]!]!;
    x[off] = 1;
    x[off + 1] = 1 - Math.log(m + 1) / Math.log(this.movies + 1);
    x[off + 2] = 0;
    x[off + 3] = overlap;
  }

  /** Fills movie_mean_rating of every row once every user's ratings are counted. */
  finish(movie: Int32Array, x: Float64Array, d: number): void {
    let s = 0;
    let n = 0;
    for (let m = 0; m < this.movies; m++) {
      s += this.sum[m]!;
      n += this.count[m]!;
    }
    const mean = n > 0 ? s / n : 0;
    for (let i = 0; i < movie.length; i++) {
      const m = movie[i]!;
      x[i * d + 2] = (this.sum[m]! + SHRINK * mean) / (this.count[m]! + SHRINK) - mean;
    }
  }
}
