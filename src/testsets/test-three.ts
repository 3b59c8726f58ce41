/**
 * Test III, "non-identifiable" (docs/test-sets.md#test-iii): each attempt draws (u, m) uniformly
 * and retries when u rated m; it also skips every (u, t) seen through any movie u rated and the
 * pairs of Test II (so the two are disjoint), then takes the first tag the quota rules allow
 * (quota-draw.ts).
 */
import type { Stream } from "../rng/stream.js";
import { Lookahead } from "./lookahead.js";
import { type DrawResult, type Quota, type QuotaDraw, quotaSteps } from "./quota-draw.js";
import { RATED_TAG } from "./tag-flags.js";
import { type UserFactsSource, isRated } from "./user-facts.js";

export interface TestThreeInput {
  readonly common: Pick<QuotaDraw, "tm" | "tagCount" | "reference" | "warn">;
  readonly facts: UserFactsSource;
  readonly users: number;
  readonly movies: number;
  /** Observed ratings over all users. */
  readonly totalRatings: number;
  /** [positives, negatives] that a draw could ever return, over all users. */
  readonly pool: readonly [number, number];
  readonly quota: Quota;
  readonly rng: Stream;
  /** Test II's (u, t) keys (u · tagCount + t). */
  readonly testTwoKeys: ReadonlySet<number>;
}

/** The draw as steps (quota-draw.ts): yields the users of each batch of drawn pairs. */
export function drawTestThree(input: TestThreeInput): Generator<Int32Array, DrawResult, void> {
  const { users, movies, facts, rng, testTwoKeys } = input;
  const unrated = users * movies - input.totalRatings;
  const pairs = new Lookahead(() => {
    if (unrated <= 0) return undefined;
    const user = rng.int(users);
    return { user, movie: rng.int(movies) };
  }, facts);
  return quotaSteps({
    ...input.common,
    name: "Test III",
    quota: input.quota,
    pool: input.pool,
    ahead: (p) => pairs.ahead(p),
    pick: () => {
      const c = pairs.next();
      if (c === undefined) return undefined;
      const f = facts.get(c.user);
      return isRated(f, c.movie) ? undefined : { user: c.user, movie: c.movie, facts: f };
    },
    excluded: (flags, key) => (flags & RATED_TAG) !== 0 || testTwoKeys.has(key),
  });
}
