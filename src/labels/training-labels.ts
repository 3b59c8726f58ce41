/**
 * Training labels of the CTAR baselines (ctar-reference.md §5, as the paper's authors built them):
 *  - OBS ("biased", from obstag.csv): a listed tag → 1; a −1 row → every tag of that movie 0.
 *  - RCT ("unbiased", from rcttag.csv): the same, and in addition every tag of an RCT movie that
 *    the user did not list → 0.
 *  - ALL = OBS ∪ RCT.
 * Each list is deduplicated on the (user, tag, label) triple, keeping first-occurrence order
 * (OBS rows first in ALL). A (user, tag) may carry both labels, from two movies.
 */
import { InputError } from "../errors/errors.js";
import { LabelSetBuilder, type LabelSet } from "./label-set.js";

/** Movie → tag lists in compressed form: tags of movie m are `tags[start[m] .. start[m+1])`. */
export interface MovieTags {
  readonly movies: number;
  readonly start: Int32Array;
  readonly tags: Int32Array;
}

/** Tag-feedback rows (obstag.csv or rcttag.csv): tag −1 means "no liked tag". */
export interface TagFeedback {
  readonly n: number;
  readonly user: Int32Array;
  readonly movie: Int32Array;
  readonly tag: Int32Array;
}

export interface TrainingLabels {
  readonly obs: LabelSet;
  readonly rct: LabelSet;
  readonly all: LabelSet;
}

function checkRow(fb: TagFeedback, i: number, users: number, tags: number, movies: MovieTags, what: string): void {
  const u = fb.user[i]!;
  const m = fb.movie[i]!;
  const t = fb.tag[i]!;
  if (u < 0 || u >= users) throw new InputError(`${what}: row ${i + 1} has user ${u} (expected 0..${users - 1})`);
  if (m < 0 || m >= movies.movies) throw new InputError(`${what}: row ${i + 1} has movie ${m} (expected 0..${movies.movies - 1}, the movies of movie.csv)`);
  if (t < -1 || t >= tags) throw new InputError(`${what}: row ${i + 1} has tag ${t} (expected −1 or 0..${tags - 1})`);
}

/** OBS labels: listed tag → 1; −1 row → every tag of the movie 0. */
export function observedLabels(fb: TagFeedback, movies: MovieTags, users: number, tags: number): LabelSet {
  const b = new LabelSetBuilder(tags);
  for (let i = 0; i < fb.n; i++) {
    checkRow(fb, i, users, tags, movies, "obstag");
    const u = fb.user[i]!;
    const t = fb.tag[i]!;
    if (t >= 0) b.add(u, t, 1);
    else {
      const m = fb.movie[i]!;
      for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) b.add(u, movies.tags[k]!, 0);
    }
  }
  return b.build();
}

/**
 * RCT labels: per (user, movie) pair, in order of first appearance: each listed tag → 1, and every
 * tag of the movie not listed → 0 (a −1 row lists nothing).
 */
export function randomizedLabels(fb: TagFeedback, movies: MovieTags, users: number, tags: number): LabelSet {
  // Group rows by (user, movie), keeping the order in which pairs first appear.
  const order: number[] = [];
  const listed = new Map<number, number[]>();
  for (let i = 0; i < fb.n; i++) {
    checkRow(fb, i, users, tags, movies, "rcttag");
    const key = fb.user[i]! * movies.movies + fb.movie[i]!;
    let l = listed.get(key);
    if (l === undefined) {
      l = [];
      listed.set(key, l);
      order.push(key);
    }
    const t = fb.tag[i]!;
    if (t >= 0) l.push(t);
  }
  const b = new LabelSetBuilder(tags);
  for (const key of order) {
    const u = Math.floor(key / movies.movies);
    const m = key - u * movies.movies;
    const l = listed.get(key)!;
    for (const t of l) b.add(u, t, 1);
    for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) {
      const t = movies.tags[k]!;
      if (!l.includes(t)) b.add(u, t, 0);
    }
  }
  return b.build();
}

/** OBS, RCT and their union ALL (OBS first, then the RCT triples not already in OBS). */
export function trainingLabels(obstag: TagFeedback, rcttag: TagFeedback, movies: MovieTags, users: number, tags: number): TrainingLabels {
  const obs = observedLabels(obstag, movies, users, tags);
  const rct = randomizedLabels(rcttag, movies, users, tags);
  const b = new LabelSetBuilder(tags);
  for (const s of [obs, rct]) for (let i = 0; i < s.n; i++) b.add(s.user[i]!, s.tag[i]!, s.label[i] === 1 ? 1 : 0);
  return { obs, rct, all: b.build() };
}
