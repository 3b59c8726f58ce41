/**
 * What one user's training rows say about their tags (docs/model.md, "Test sets"), computed from
 * that user's rows alone — which is what lets the test sets be built at any scale, user by user:
 *  - known labels K_u: from RCTTag, listed tags → 1 and every other tag of the movie → 0; from
 *    ObsTag, listed tags → 1 and, for −1 rows, every tag of the movie → 0;
 *  - Test I_u: the liked tags O* left unlabelled ("dropped"), once per tag; by default minus K_u
 *    (the released files leak them), kept under `compat: reference` (the rule: test-one.ts);
 *  - the tags seen through a rated movie (Test III skips them), and the liked tags TU_u;
 *  - the user's share of the Test II and III pools: the (u, t) pairs a draw could ever return.
 */
import type { MovieTags } from "../catalog/movie-tags.js";
import type { UserRows } from "../mechanisms/user-rows.js";
import { DROPPED, EXCLUDED, KNOWN, LIKED, RATED_TAG } from "./tag-flags.js";
import { inTestOne } from "./test-one.js";

export { DROPPED, EXCLUDED, KNOWN, LIKED, RATED_TAG } from "./tag-flags.js";

/** Per-tag flags of the current user, over all tags, with the touched tags listed for a cheap reset. */
export class UserTagFlags {
  readonly flags: Uint8Array;
  private touched: Int32Array;
  count = 0;
  /** Test I of the current user: tags in order of first drop. */
  test1 = new Int32Array(32);
  test1Length = 0;

  constructor(
    readonly tm: MovieTags,
    tagCount: number,
    /** 1 for every tag that appears in some movie's tags (the tags a draw can reach). */
    readonly inMovies: Uint8Array,
  ) {
    this.flags = new Uint8Array(tagCount);
    this.touched = new Int32Array(256);
  }

  private mark(t: number, f: number): void {
    const old = this.flags[t]!;
    if (old === 0) {
      if (this.count === this.touched.length) {
        const g = new Int32Array(this.count * 2);
        g.set(this.touched);
        this.touched = g;
      }
      this.touched[this.count++] = t;
    }
    this.flags[t] = old | f;
  }

  private markMovie(m: number, f: number): void {
    const { start, tag } = this.tm;
    for (let k = start[m]!; k < start[m + 1]!; k++) this.mark(tag[k]!, f);
  }

  /** Computes the flags and Test I of one user from their rows and liked tags. */
  compute(rows: UserRows, liked: Int32Array | undefined, reference: boolean): void {
    for (let i = 0; i < this.count; i++) this.flags[this.touched[i]!] = 0;
    this.count = 0;
    const rct = rows.rcttag;
    for (let i = 0; i < rct.length; i++) {
      const t = rct.value[i]!;
      if (t >= 0) this.mark(t, KNOWN);
      // RCT lists every liked tag, so the movie's other tags are known 0s.
      this.markMovie(rct.movie[i]!, KNOWN);
    }
    const obs = rows.obstag;
    for (let i = 0; i < obs.length; i++) {
      const t = obs.value[i]!;
      if (t >= 0) this.mark(t, KNOWN);
      else this.markMovie(obs.movie[i]!, KNOWN);
    }
    this.test1Length = 0;
    const dropped = rows.dropped;
    for (let i = 0; i < dropped.length; i++) {
      const t = dropped.value[i]!;
      const f = this.flags[t]!;
      if (inTestOne(f, reference)) this.pushTest1(t);
      this.mark(t, DROPPED);
    }
    const rating = rows.rating;
    for (let i = 0; i < rating.length; i++) this.markMovie(rating.movie[i]!, RATED_TAG);
    if (liked !== undefined) for (let i = 0; i < liked.length; i++) this.mark(liked[i]!, LIKED);
  }

  private pushTest1(t: number): void {
    if (this.test1Length === this.test1.length) {
      const g = new Int32Array(this.test1Length * 2);
      g.set(this.test1);
      this.test1 = g;
    }
    this.test1[this.test1Length++] = t;
  }

  /**
   * Adds this user's pool sizes to `pools` = [II positives, II negatives, III positives, III
   * negatives]: II reaches the unexcluded tags of rated movies; III the unexcluded tags of the
   * movies that are not seen through any rated movie (all of whose movies are therefore unrated).
   */
  addPools(pools: Float64Array, moviesTagCount: number): void {
    let p2 = 0;
    let n2 = 0;
    let blocked3 = 0;
    let p3 = 0;
    for (let i = 0; i < this.count; i++) {
      const t = this.touched[i]!;
      const f = this.flags[t]!;
      const liked = (f & LIKED) !== 0;
      if (this.inMovies[t] === 0) continue;
      if ((f & (EXCLUDED | RATED_TAG)) !== 0) {
        blocked3++;
        if ((f & RATED_TAG) !== 0 && (f & EXCLUDED) === 0) {
          if (liked) p2++;
          else n2++;
        }
      } else if (liked) p3++;
    }
    pools[0]! += p2;
    pools[1]! += n2;
    pools[2]! += p3;
    pools[3]! += moviesTagCount - blocked3 - p3;
  }

  /** The touched tags with their flags, sorted by tag: a compact snapshot for the draws. */
  snapshot(): { tags: Int32Array; flags: Uint8Array } {
    const tags = this.touched.slice(0, this.count).sort();
    const flags = new Uint8Array(tags.length);
    for (let i = 0; i < tags.length; i++) flags[i] = this.flags[tags[i]!]!;
    return { tags, flags };
  }
}
