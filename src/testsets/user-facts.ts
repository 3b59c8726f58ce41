/**
 * The facts a Test II or III draw needs about one drawn user — the movies they rated and, per tag,
 * whether the pair is excluded (Test I or known from training), seen through a rated movie, or
 * liked — obtained by regenerating that user from their keyed streams. Nothing per user is kept
 * from the generation pass but the rating counts; a bounded cache holds the users drawn so far,
 * and the facts of a batch's users regenerated elsewhere (`put`, the worker threads) are the same.
 */
import type { TestSetWorld } from "./test-set-world.js";
import { UserRows } from "../mechanisms/user-rows.js";
import { UserTagFlags } from "./user-labels.js";

export interface UserFacts {
  /** Rated movies, ascending. */
  readonly rated: Int32Array;
  /** Tags with any flag, ascending, and their flags (user-labels.ts). */
  readonly tags: Int32Array;
  readonly flags: Uint8Array;
}

/** The index of x in an ascending array, or −1. */
function indexIn(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const y = sorted[mid]!;
    if (y === x) return mid;
    if (y < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The flags of tag t for this user (0 when none). */
export function flagsOf(f: UserFacts, t: number): number {
  const i = indexIn(f.tags, t);
  return i < 0 ? 0 : f.flags[i]!;
}

export function isRated(f: UserFacts, m: number): boolean {
  return indexIn(f.rated, m) >= 0;
}

/** At most this many users' facts are cached (a few hundred bytes each). */
const CACHE_USERS = 1 << 15;

export class UserFactsSource {
  private readonly rows = new UserRows();
  private readonly flags: UserTagFlags;
  private readonly cache = new Map<number, UserFacts>();
  /** Users regenerated so far (for the progress line and the note). */
  regenerated = 0;

  constructor(private readonly world: TestSetWorld) {
    this.flags = new UserTagFlags(world.movieTags, world.tagCount, world.inMovies);
  }

  has(u: number): boolean {
    return this.cache.has(u);
  }

  /** Makes room for `n` users' facts about to be `put` (the cache is cleared when they would not fit). */
  reserve(n: number): void {
    if (this.cache.size + n > CACHE_USERS) this.cache.clear();
  }

  /** A user's facts regenerated elsewhere (by `regenerate` on another thread). */
  put(u: number, facts: UserFacts): void {
    this.cache.set(u, facts);
    this.regenerated++;
  }

  get(u: number): UserFacts {
    const hit = this.cache.get(u);
    if (hit !== undefined) return hit;
    const facts = this.regenerate(u);
    if (this.cache.size >= CACHE_USERS) this.cache.clear();
    this.cache.set(u, facts);
    this.regenerated++;
    return facts;
  }

  /** Regenerates user u on this thread (not cached). */
  regenerate(u: number): UserFacts {
    const w = this.world;
    this.rows.begin(u);
    const values = w.engine.runUser(u, this.rows.emit);
    const liked = w.likedNode === undefined ? undefined : (values.get(w.likedNode) as Int32Array | undefined);
    this.flags.compute(this.rows, liked, w.input.config.compat === "reference");
    const r = this.rows.rating;
    return { rated: r.movie.slice(0, r.length).sort(), ...this.flags.snapshot() };
  }
}
