/**
 * The test-set invariants of a CTAR dataset, checked by merging sorted streams so that memory
 * holds the test rows (bounded by the configured draws and Test I) and a tag stamp, never a
 * users × tags structure:
 *
 * - every test label equals τ′(u, t) of truth/user_tag (Eq. 2; pairs not listed have τ′ = 0);
 * - a Test II (user, tag) is a tag of a movie the user rated (docs/test-sets.md#test-ii, "identifiable");
 * - a Test III (user, tag) is a tag of movie.csv on none of the user's rated movies, hence of
 *   unrated movies only ("non-identifiable").
 *
 * The truth and rating streams come sorted by user (then tag / movie), as ctar writes them.
 */
import type { LabelSet } from "../labels/label-set.js";
import type { ProblemList } from "./problem-list.js";

/** A test file's rows (the labelled-pair shape), with its name and where each row is. */
export interface TestRows extends LabelSet {
  readonly name: string;
  /** Where row i is (file:line). */
  readonly place: (i: number) => string;
}

/** Row indices of `t` sorted by (user, tag), stable. */
export function sortedByUserTag(t: TestRows, tagLimit: number): Uint32Array {
  const order = Uint32Array.from({ length: t.user.length }, (_, i) => i);
  const key = (i: number) => t.user[i]! * tagLimit + t.tag[i]!;
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

/** Test labels against τ′, fed the truth rows (user, tag, τ′) in (user, tag) order. */
export class TauPrimeJoin {
  private readonly keys: Float64Array;
  private readonly refs: Array<{ t: TestRows; i: number }> = [];
  private p = 0;
  private last = -Infinity;
  private broken = false;

  constructor(
    tests: readonly TestRows[],
    private readonly tagLimit: number,
    private readonly problems: ProblemList,
    private readonly truthFile: string,
  ) {
    for (const t of tests) for (let i = 0; i < t.user.length; i++) this.refs.push({ t, i });
    const key = ({ t, i }: { t: TestRows; i: number }) => t.user[i]! * tagLimit + t.tag[i]!;
    this.refs.sort((a, b) => key(a) - key(b)); // stable: equal keys keep file and row order
    this.keys = Float64Array.from(this.refs, key);
  }

  private check(j: number, tauPrime: number): void {
    const { t, i } = this.refs[j]!;
    if (t.label[i] !== tauPrime) this.problems.add("τ′", t.place(i), `islike ${t.label[i]} for (user ${t.user[i]}, tag ${t.tag[i]}), but τ′ = ${tauPrime} in ${this.truthFile}`);
  }

  /** One truth row; returns false once the truth is found out of order (the check then stops). */
  feed(user: number, tag: number, tauPrime: number, place: string): boolean {
    if (this.broken) return false;
    const k = user * this.tagLimit + tag;
    if (k <= this.last) {
      this.problems.add("order", place, `rows are not sorted by (userid, tagid) with no repeats, so τ′ cannot be checked in one pass`);
      this.broken = true;
      return false;
    }
    this.last = k;
    while (this.p < this.keys.length && this.keys[this.p]! < k) this.check(this.p++, 0);
    while (this.p < this.keys.length && this.keys[this.p] === k) this.check(this.p++, tauPrime);
    return true;
  }

  finish(): void {
    if (this.broken) return;
    while (this.p < this.keys.length) this.check(this.p++, 0);
  }
}

export interface MovieTagIndex {
  readonly movies: number;
  readonly start: Int32Array;
  readonly tags: Int32Array;
}

/** Test II / III sources, fed each user's rated movies in increasing user order. */
export class RatedSourceJoin {
  private readonly stamp: Int32Array;
  private readonly inCatalog: Uint8Array;
  private readonly orders: Uint32Array[];
  private readonly pos: number[];

  constructor(
    private readonly test2: TestRows,
    private readonly test3: TestRows,
    private readonly movieTags: MovieTagIndex,
    tagLimit: number,
    private readonly problems: ProblemList,
  ) {
    this.stamp = new Int32Array(tagLimit);
    this.inCatalog = new Uint8Array(tagLimit);
    for (const t of movieTags.tags) this.inCatalog[t] = 1;
    this.orders = [sortedByUserTag(test2, tagLimit), sortedByUserTag(test3, tagLimit)];
    this.pos = [0, 0];
  }

  /** Checks the rows of users before `user` (users without a rating). */
  private flushBefore(user: number): void {
    for (let s = 0; s < 2; s++) {
      const t = s === 0 ? this.test2 : this.test3;
      const order = this.orders[s]!;
      while (this.pos[s]! < order.length && t.user[order[this.pos[s]!]!]! < user) this.checkRow(s, order[this.pos[s]!++]!, -1);
    }
  }

  private checkRow(s: number, i: number, stampValue: number): void {
    const t = s === 0 ? this.test2 : this.test3;
    const tag = t.tag[i]!;
    const shown = stampValue >= 0 && this.stamp[tag] === stampValue;
    if (s === 0 && !shown) this.problems.add("Test II", t.place(i), `(user ${t.user[i]}, tag ${tag}) is in Test II, but the tag is on none of the movies the user rated`);
    if (s === 1 && shown) this.problems.add("Test III", t.place(i), `(user ${t.user[i]}, tag ${tag}) is in Test III, but the tag is on a movie the user rated`);
    if (s === 1 && this.inCatalog[tag] !== 1) this.problems.add("Test III", t.place(i), `(user ${t.user[i]}, tag ${tag}) is in Test III, but the tag is on no movie`);
  }

  /** `movies`: the movies `user` rated (ids already range-checked). */
  feedUser(user: number, movies: ArrayLike<number>): void {
    this.flushBefore(user);
    const value = user + 1;
    const { start, tags } = this.movieTags;
    for (let k = 0; k < movies.length; k++) {
      const m = movies[k]!;
      for (let j = start[m]!; j < start[m + 1]!; j++) this.stamp[tags[j]!] = value;
    }
    for (let s = 0; s < 2; s++) {
      const t = s === 0 ? this.test2 : this.test3;
      const order = this.orders[s]!;
      while (this.pos[s]! < order.length && t.user[order[this.pos[s]!]!] === user) this.checkRow(s, order[this.pos[s]!++]!, value);
    }
  }

  finish(): void {
    this.flushBefore(Infinity);
  }
}
