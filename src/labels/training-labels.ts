/**
 * Training labels of the CTAR baselines (docs/baselines.md#training-labels, as the paper's authors built them):
 *  - OBS ("biased", from obstag.csv): a listed tag → 1; a −1 row → every tag of that movie 0.
 *  - RCT ("unbiased", from rcttag.csv): the same, and in addition every tag of an RCT movie that
 *    the user did not list → 0 (unless that negative is already an OBS triple; see
 *    `randomizedLabels`).
 *  - ALL = OBS ∪ RCT.
 * Each list is deduplicated on the (user, tag, label) triple, keeping first-occurrence order
 * (OBS rows first in ALL). A (user, tag) may carry both labels, from two movies.
 */
import { type MovieTags, moviesOf } from "../catalog/movie-tags.js";
import { InputError } from "../errors/errors.js";
import { LabelSetBuilder, type LabelSet } from "./label-set.js";

export type { MovieTags };

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
  if (m < 0 || m >= moviesOf(movies)) throw new InputError(`${what}: row ${i + 1} has movie ${m} (expected 0..${moviesOf(movies) - 1}, the movies of movie.csv)`);
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
      for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) b.add(u, movies.tag[k]!, 0);
    }
  }
  return b.build();
}

/**
 * RCT labels, in two parts, as the CTAR authors' lists come out (this reproduces the counts of docs/baselines.md#training-labels):
 *  1. the OBS rule applied to rcttag.csv: a listed tag → 1, a −1 row → every tag of the movie 0;
 *  2. then, per (user, movie) pair in order of first appearance, every tag of the movie the user
 *     did not list → 0, EXCEPT triples already in `obs` (in the authors' pipeline these extra
 *     negatives were deduplicated against the biased list first; they still reach ALL via OBS).
 * On ctar-table3 part 2's exception removes 145 triples (5,902 → 5,757), which is what the
 * Naive-Bayes weights of docs/baselines.md#mf-ips (w0 ≈ 137.67, w1 ≈ 40.62) imply. Pass no `obs` to keep them all.
 */
export function randomizedLabels(fb: TagFeedback, movies: MovieTags, users: number, tags: number, obs?: LabelSet): LabelSet {
  const b = new LabelSetBuilder(tags);
  const M = moviesOf(movies);
  // Part 1, and the listed tags of each pair in order of first appearance.
  const order: number[] = [];
  const listed = new Map<number, number[]>();
  for (let i = 0; i < fb.n; i++) {
    checkRow(fb, i, users, tags, movies, "rcttag");
    const u = fb.user[i]!;
    const m = fb.movie[i]!;
    const t = fb.tag[i]!;
    if (t >= 0) b.add(u, t, 1);
    else for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) b.add(u, movies.tag[k]!, 0);
    const key = u * M + m;
    let l = listed.get(key);
    if (l === undefined) {
      l = [];
      listed.set(key, l);
      order.push(key);
    }
    if (t >= 0) l.push(t);
  }
  // Part 2.
  const inObs = new Set<number>();
  if (obs !== undefined) for (let i = 0; i < obs.n; i++) if (obs.label[i] === 0) inObs.add(obs.user[i]! * tags + obs.tag[i]!);
  for (const key of order) {
    const u = Math.floor(key / M);
    const m = key - u * M;
    const l = listed.get(key)!;
    for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) {
      const t = movies.tag[k]!;
      if (!l.includes(t) && !inObs.has(u * tags + t)) b.add(u, t, 0);
    }
  }
  return b.build();
}

/** OBS, RCT and their union ALL (OBS first, then the RCT triples not already in OBS). */
export function trainingLabels(obstag: TagFeedback, rcttag: TagFeedback, movies: MovieTags, users: number, tags: number): TrainingLabels {
  const obs = observedLabels(obstag, movies, users, tags);
  const rct = randomizedLabels(rcttag, movies, users, tags, obs);
  const b = new LabelSetBuilder(tags);
  for (const s of [obs, rct]) for (let i = 0; i < s.n; i++) b.add(s.user[i]!, s.tag[i]!, s.label[i] === 1 ? 1 : 0);
  return { obs, rct, all: b.build() };
}
