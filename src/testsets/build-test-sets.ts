/**
 * Test sets I, II, III and their union (reference §3), in internal ids.
 *
 * Known labels K come from the training tag files: RCTTag listed tags → 1 and every other tag of
 * the movie → 0; ObsTag listed tags → 1 and, for −1 rows, every tag of the movie → 0.
 *  - Test I: every (user, tag) dropped by O*, label 1. By default pairs whose label is known from
 *    K are removed (the released files leak them, reference §7.1); `compat: reference` keeps them.
 *  - Test II: draws over observed ratings; Test III: over pairs without an observed rating, also
 *    skipping (u, t) seen through any rated movie of u and pairs in Test II. Both fill a positive
 *    and a negative quota. The reference draws with replacement and deduplicates afterwards (hence
 *    fewer rows and ~25% positives); by default a drawn (user, tag) is never drawn again, so a file
 *    holds exactly `draws` distinct rows with the stated positive share (reference §7.3).
 *  - A quota that cannot be met stops the draws after a bounded number of attempts, with a
 *    warning, rather than looping forever (reference §7.4).
 */
import type { RowTable } from "../generate/row-table.js";
import type { MovieTags } from "../mechanisms/values.js";
import type { Stream } from "../rng/stream.js";
import { type LabelTable, concatLabels, dedupe, labelTable } from "./label-table.js";

export interface LikedTags {
  /** Liked tags of user u: tag[start[u] .. start[u+1]). */
  readonly start: Int32Array;
  readonly tag: Int32Array;
}

export interface Quota {
  readonly draws: number;
  readonly positives: number;
}

export interface TestSetInput {
  readonly users: number;
  readonly movies: number;
  readonly tagCount: number;
  readonly tm: MovieTags;
  /** Observed ratings (user, movie, rating), grouped by user in ascending movie order. */
  readonly ratings: RowTable;
  readonly obstag: RowTable;
  readonly rcttag: RowTable;
  /** Liked tags O* left unlabelled (user, movie, tag). */
  readonly dropped: RowTable;
  readonly liked: LikedTags;
  readonly test2: Quota;
  readonly test3: Quota;
  readonly compat: "none" | "reference";
  readonly rng2: Stream;
  readonly rng3: Stream;
  readonly warn: (message: string) => void;
}

export interface TestSets {
  readonly test1: LabelTable;
  readonly test2: LabelTable;
  readonly test3: LabelTable;
  readonly test: LabelTable;
}

export function buildTestSets(input: TestSetInput): TestSets {
  const T = input.tagCount;
  const key = (u: number, t: number) => u * T + t;
  const { tm, ratings } = input;
  const reference = input.compat === "reference";

  const known = new Set<number>();
  const movieTags = (m: number, f: (t: number) => void) => {
    for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) f(tm.tag[k]!);
  };
  for (const table of [input.rcttag, input.obstag]) {
    for (let i = 0; i < table.length; i++) {
      const u = table.a[i]!;
      const t = table.c[i]!;
      if (t >= 0) known.add(key(u, t));
      // RCT lists every liked tag, so its other tags are known 0s; an ObsTag −1 row says the same.
      if (table === input.rcttag || t < 0) movieTags(table.b[i]!, (x) => known.add(key(u, x)));
    }
  }

  const t1u: number[] = [];
  const t1t: number[] = [];
  const test1Keys = new Set<number>();
  for (let i = 0; i < input.dropped.length; i++) {
    const u = input.dropped.a[i]!;
    const t = input.dropped.c[i]!;
    const k = key(u, t);
    if (test1Keys.has(k) || (!reference && known.has(k))) continue;
    test1Keys.add(k);
    t1u.push(u);
    t1t.push(t);
  }
  const test1 = labelTable(t1u, t1t, t1u.map(() => 1));

  const isLiked = (u: number, t: number) => {
    const { start, tag } = input.liked;
    for (let k = start[u]!; k < start[u + 1]!; k++) if (tag[k] === t) return true;
    return false;
  };

  // Ratings per user, for "is (u, m) rated" and "is t seen through a rated movie of u".
  const ratedStart = new Int32Array(input.users + 1);
  for (let i = 0; i < ratings.length; i++) ratedStart[ratings.a[i]! + 1]!++;
  for (let u = 0; u < input.users; u++) ratedStart[u + 1]! += ratedStart[u]!;
  const isRated = (u: number, m: number) => {
    let lo = ratedStart[u]!;
    let hi = ratedStart[u + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = ratings.b[mid]!;
      if (x === m) return true;
      if (x < m) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  };
  const seenThroughRated = (u: number, t: number) => {
    for (let i = ratedStart[u]!; i < ratedStart[u + 1]!; i++) {
      const m = ratings.b[i]!;
      for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) if (tm.tag[k] === t) return true;
    }
    return false;
  };

  const draw = (
    name: string,
    quota: Quota,
    pickPair: () => [number, number] | undefined,
    excluded: (u: number, t: number, k: number) => boolean,
  ): { table: LabelTable; keys: Set<number> } => {
    const u: number[] = [];
    const g: number[] = [];
    const l: number[] = [];
    const keys = new Set<number>();
    let pos = 0;
    let neg = 0;
    const negQuota = quota.draws - quota.positives;
    const maxAttempts = 200 * quota.draws + 100_000;
    let attempts = 0;
    while (pos + neg < quota.draws) {
      if (++attempts > maxAttempts) {
        input.warn(
          `${name}: stopped after ${maxAttempts} draws with ${pos + neg} of ${quota.draws} rows (${pos} of ${quota.positives} positives, ${neg} of ${negQuota} negatives): the available pairs cannot fill the quota`,
        );
        break;
      }
      const pair = pickPair();
      if (pair === undefined) continue;
      const [user, m] = pair;
      for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) {
        const t = tm.tag[k]!;
        const kk = key(user, t);
        if (test1Keys.has(kk) || known.has(kk) || excluded(user, t, kk)) continue;
        if (!reference && keys.has(kk)) continue;
        const liked = isLiked(user, t);
        if (liked ? pos >= quota.positives : neg >= negQuota) continue;
        if (liked) pos++;
        else neg++;
        u.push(user);
        g.push(t);
        l.push(liked ? 1 : 0);
        keys.add(kk);
        break;
      }
    }
    return { table: labelTable(u, g, l), keys };
  };

  const t2 = draw(
    "Test II",
    input.test2,
    () => {
      if (ratings.length === 0) return undefined;
      const i = input.rng2.int(ratings.length);
      return [ratings.a[i]!, ratings.b[i]!];
    },
    () => false,
  );
  const unrated = input.users * input.movies - ratings.length;
  const t3 = draw(
    "Test III",
    input.test3,
    () => {
      if (unrated <= 0) return undefined;
      const u = input.rng3.int(input.users);
      const m = input.rng3.int(input.movies);
      return isRated(u, m) ? undefined : [u, m];
    },
    (u, t, k) => t2.keys.has(k) || seenThroughRated(u, t),
  );
  const test2 = dedupe(t2.table, T);
  const test3 = dedupe(t3.table, T);
  return { test1, test2, test3, test: dedupe(concatLabels(test1, test2, test3), T) };
}
