/**
 * Tests II and III (docs/model.md, "Test sets"), drawn after every user has been generated, from
 * what the generation pass kept — each user's number of observed ratings and the pool sizes — by
 * regenerating only the users the draws land on. Test I is per user and streamed with the users
 * (user-labels.ts); test.csv is Test I followed by these two (the three are disjoint by
 * construction: II and III skip Test I, and III skips II).
 *  - Test II: each attempt draws an observed rating uniformly (index i of all observed ratings in
 *    user order, so user u with Σ_{v<u} n_v ≤ i < Σ_{v≤u} n_v, and their (i − Σ_{v<u} n_v)-th rated movie).
 *  - Test III: each attempt draws (u, m) uniformly and retries when u rated m; it also skips (u, t)
 *    seen through any rated movie of u and the pairs of Test II.
 */
import { ConfigError } from "../errors/errors.js";
import type { TestSetWorld } from "./test-set-world.js";
import type { Stream } from "../rng/stream.js";
import { type LabelTable, dedupe } from "./label-table.js";
import { type Quota, drawQuota } from "./quota-draw.js";
import { UserFactsSource, isRated } from "./user-facts.js";
import { RATED_TAG } from "./user-labels.js";

export type { Quota };

export interface TestSetInput {
  readonly world: TestSetWorld;
  /** ratingStart[u] = observed ratings of users before u; ratingStart[users] = all of them. */
  readonly ratingStart: Float64Array;
  /** [II pos, II neg, III pos, III neg], summed over all users. */
  readonly pools: readonly number[];
  readonly test2: Quota;
  readonly test3: Quota;
  readonly rng2: Stream;
  readonly rng3: Stream;
  readonly warn: (message: string) => void;
}

export interface DrawnTestSets {
  readonly test2: LabelTable;
  readonly test3: LabelTable;
  /** Users regenerated for the draws. */
  readonly regenerated: number;
}

/**
 * The user of observed rating i (0-based, ratings in user order): the u with
 * ratingStart[u] ≤ i < ratingStart[u + 1]. With the rated movies in ascending order this maps
 * 0..total−1 one to one onto the observed ratings, so a uniform i is a uniform observed rating.
 */
export function userOfRating(ratingStart: Float64Array, i: number): number {
  let lo = 0;
  let hi = ratingStart.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ratingStart[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The most rows a test may ask for: its drawn keys are held in one Set. */
const MAX_DRAWS = 1 << 24;

export function drawTestSets(input: TestSetInput): DrawnTestSets {
  const { world, ratingStart } = input;
  const users = world.users;
  const movies = world.movies;
  const T = world.tagCount;
  const reference = world.input.config.compat === "reference";
  for (const [name, q] of [["test2", input.test2], ["test3", input.test3]] as const) {
    if (q.draws > MAX_DRAWS) throw new ConfigError(`option ${name}.draws: at most ${MAX_DRAWS} rows (got ${q.draws})`);
    if (q.positives > q.draws) throw new ConfigError(`option ${name}.positives: ${q.positives} positives asked for in ${q.draws} draws`);
  }
  const facts = new UserFactsSource(world);
  const totalRatings = ratingStart[users]!;
  if (totalRatings > 4294967296) throw new ConfigError(`Test II: ${totalRatings} observed ratings; at most 2^32 can be drawn from`);
  const common = { tm: world.movieTags, tagCount: T, reference, warn: input.warn };
  const t2 = drawQuota({
    ...common,
    name: "Test II",
    quota: input.test2,
    pool: [input.pools[0]!, input.pools[1]!],
    pick: () => {
      if (totalRatings === 0) return undefined;
      const i = input.rng2.int(totalRatings);
      const user = userOfRating(ratingStart, i);
      const f = facts.get(user);
      return { user, movie: f.rated[i - ratingStart[user]!]!, facts: f };
    },
    excluded: () => false,
  });
  const unrated = users * movies - totalRatings;
  const t3 = drawQuota({
    ...common,
    name: "Test III",
    quota: input.test3,
    pool: [input.pools[2]!, input.pools[3]!],
    pick: () => {
      if (unrated <= 0) return undefined;
      const user = input.rng3.int(users);
      const movie = input.rng3.int(movies);
      const f = facts.get(user);
      return isRated(f, movie) ? undefined : { user, movie, facts: f };
    },
    excluded: (flags, key) => (flags & RATED_TAG) !== 0 || t2.keys.has(key),
  });
  return { test2: dedupe(t2.table, T), test3: dedupe(t3.table, T), regenerated: facts.regenerated };
}
