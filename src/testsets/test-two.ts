/**
 * Test II, "identifiable" (docs/test-sets.md#test-ii): each attempt draws an observed rating
 * uniformly — index i of all observed ratings in user order, so user u with
 * Σ_{v<u} n_v ≤ i < Σ_{v≤u} n_v, and their (i − Σ_{v<u} n_v)-th rated movie — then takes the
 * first tag of that movie the quota rules allow (quota-draw.ts).
 */
import { ConfigError } from "../errors/errors.js";
import type { Stream } from "../rng/stream.js";
import { Lookahead } from "./lookahead.js";
import { type DrawResult, type Quota, type QuotaDraw, quotaSteps } from "./quota-draw.js";
import type { UserFactsSource } from "./user-facts.js";

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

export interface TestTwoInput {
  /** What every quota draw shares: the movies' tags, the tag count, compat, the warning sink. */
  readonly common: Pick<QuotaDraw, "tm" | "tagCount" | "reference" | "warn">;
  readonly facts: UserFactsSource;
  /** ratingStart[u] = observed ratings of users before u; ratingStart[users] = all of them. */
  readonly ratingStart: Float64Array;
  /** [positives, negatives] that a draw could ever return, over all users. */
  readonly pool: readonly [number, number];
  readonly quota: Quota;
  readonly rng: Stream;
}

/** The draw as steps (quota-draw.ts): yields the users of each batch of drawn ratings. */
export function drawTestTwo(input: TestTwoInput): Generator<Int32Array, DrawResult, void> {
  const { ratingStart, facts, rng } = input;
  const totalRatings = ratingStart[ratingStart.length - 1]!;
  if (totalRatings > 4294967296) throw new ConfigError(`Test II: ${totalRatings} observed ratings; at most 2^32 can be drawn from`);
  const pairs = new Lookahead(() => {
    if (totalRatings === 0) return undefined;
    const i = rng.int(totalRatings);
    return { user: userOfRating(ratingStart, i), i };
  }, facts);
  return quotaSteps({
    ...input.common,
    name: "Test II",
    quota: input.quota,
    pool: input.pool,
    ahead: (p) => pairs.ahead(p),
    pick: () => {
      const c = pairs.next();
      if (c === undefined) return undefined;
      const f = facts.get(c.user);
      return { user: c.user, movie: f.rated[c.i - ratingStart[c.user]!]!, facts: f };
    },
    excluded: () => false,
  });
}
