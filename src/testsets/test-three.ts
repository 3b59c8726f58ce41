/**
 * Test III, "non-identifiable" (docs/test-sets.md#test-iii): each attempt draws (u, m) uniformly
 * and retries when u rated m; it also skips every (u, t) seen through any movie u rated and the
 * pairs of Test II (so the two are disjoint), then takes the first tag the quota rules allow
 * (quota-draw.ts).
 */
import type { Stream } from "../rng/stream.js";
import { type DrawResult, type Quota, type QuotaDraw, drawQuota } from "./quota-draw.js";
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

export function drawTestThree(input: TestThreeInput): DrawResult {
  const { users, movies, facts, rng, testTwoKeys } = input;
  const unrated = users * movies - input.totalRatings;
  return drawQuota({
    ...input.common,
    name: "Test III",
    quota: input.quota,
    pool: input.pool,
    pick: () => {
      if (unrated <= 0) return undefined;
      const user = rng.int(users);
      const movie = rng.int(movies);
      const f = facts.get(user);
      return isRated(f, movie) ? undefined : { user, movie, facts: f };
    },
    excluded: (flags, key) => (flags & RATED_TAG) !== 0 || testTwoKeys.has(key),
  });
}
