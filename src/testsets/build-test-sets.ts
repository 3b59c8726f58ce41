/**
 * Tests II and III (docs/test-sets.md), drawn after every user has been generated, from what the
 * generation pass kept — each user's number of observed ratings and the pool sizes — by
 * regenerating only the users the draws land on (user-facts.ts). Test I is per user and streamed
 * with the users (test-one.ts); test.csv is Test I followed by these two (the three are disjoint
 * by construction: II and III skip Test I, and III skips II). One file per test: test-one.ts,
 * test-two.ts, test-three.ts.
 */
import { ConfigError } from "../errors/errors.js";
import type { TestSetWorld } from "./test-set-world.js";
import { type LabelSet, dedupePairs } from "../labels/label-set.js";
import type { Stream } from "../rng/stream.js";
import type { Quota } from "./quota-draw.js";
import { drawTestThree } from "./test-three.js";
import { drawTestTwo } from "./test-two.js";
import { UserFactsSource } from "./user-facts.js";

export type { Quota };
export { userOfRating } from "./test-two.js";

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
  readonly test2: LabelSet;
  readonly test3: LabelSet;
  /** Users regenerated for the draws. */
  readonly regenerated: number;
}

/** The most rows a test may ask for: its drawn keys are held in one Set. */
const MAX_DRAWS = 1 << 24;

export function drawTestSets(input: TestSetInput): DrawnTestSets {
  const { world, ratingStart } = input;
  const T = world.tagCount;
  for (const [name, q] of [["test2", input.test2], ["test3", input.test3]] as const) {
    if (q.draws > MAX_DRAWS) throw new ConfigError(`option ${name}.draws: at most ${MAX_DRAWS} rows (got ${q.draws})`);
    if (q.positives > q.draws) throw new ConfigError(`option ${name}.positives: ${q.positives} positives asked for in ${q.draws} draws`);
  }
  const facts = new UserFactsSource(world);
  const common = { tm: world.movieTags, tagCount: T, reference: world.input.config.compat === "reference", warn: input.warn };
  const t2 = drawTestTwo({ common, facts, ratingStart, pool: [input.pools[0]!, input.pools[1]!], quota: input.test2, rng: input.rng2 });
  const t3 = drawTestThree({
    common,
    facts,
    users: world.users,
    movies: world.movies,
    totalRatings: ratingStart[world.users]!,
    pool: [input.pools[2]!, input.pools[3]!],
    quota: input.test3,
    rng: input.rng3,
    testTwoKeys: t2.keys,
  });
  return { test2: dedupePairs(t2.table, T), test3: dedupePairs(t3.table, T), regenerated: facts.regenerated };
}
