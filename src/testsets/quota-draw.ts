/**
 * The draw loop shared by Tests II and III (docs/model.md, "Test sets"): repeat — draw a pair
 * (u, m) from the test's own stream; walk m's tags in order and take the first tag t that no rule
 * excludes and whose class (liked → positive, else negative) still has room — until the positive
 * and negative quotas are filled. By default a drawn (u, t) is never drawn again (exactly `draws`
 * distinct rows); `compat: reference` lets draws repeat and deduplicates afterwards.
 *
 * It never loops forever: the pools (the (u, t) pairs a draw can ever return, counted per class
 * while the users were generated) are compared with the quotas up front, the loop ends as soon as
 * no class with room has a candidate left, and a bound on attempts (scaled by what the pools can
 * give, not by what was asked) ends a near-impossible search with a warning.
 *
 * `quotaSteps` is the loop as a generator: a draw whose pairs come in batches (lookahead.ts) yields
 * the users a batch will need before its first attempt, so that their facts can be regenerated
 * elsewhere (on the worker threads) while the loop waits; `drawQuota` runs it straight through.
 */
import type { MovieTags } from "../catalog/movie-tags.js";
import { type LabelSet, labelSetOf } from "../labels/label-set.js";
import { type UserFacts, flagsOf } from "./user-facts.js";
import { EXCLUDED, LIKED } from "./tag-flags.js";

export interface Quota {
  readonly draws: number;
  readonly positives: number;
}

export interface QuotaDraw {
  readonly name: string;
  readonly quota: Quota;
  /** Candidates per class [positive, negative] over all users. */
  readonly pool: readonly [number, number];
  readonly reference: boolean;
  readonly tm: MovieTags;
  readonly tagCount: number;
  /** One attempt: a drawn pair and the user's facts, or undefined when the attempt found no pair. */
  pick(): { user: number; movie: number; facts: UserFacts } | undefined;
  /** Does a further rule of this test exclude (u, t) (beyond Test I, K and the test's own rows)? */
  excluded(flags: number, key: number): boolean;
  warn(message: string): void;
  /** Before each attempt: the users the coming attempts will need, when a new batch is drawn. */
  ahead?(progress: QuotaProgress): Int32Array | undefined;
}

/** Where the loop stands, for sizing the next batch. */
export interface QuotaProgress {
  /** Rows still wanted. */
  readonly wanted: number;
  /** Rows taken and attempts made so far. */
  readonly rows: number;
  readonly attempts: number;
  /** Attempts left before the bound. */
  readonly attemptsLeft: number;
}

export interface DrawResult {
  readonly table: LabelSet;
  /** (u, t) keys drawn (u · tagCount + t): at most `draws` of them. */
  readonly keys: ReadonlySet<number>;
}

export function drawQuota(d: QuotaDraw): DrawResult {
  const steps = quotaSteps(d);
  for (let r = steps.next(); ; r = steps.next()) if (r.done === true) return r.value;
}

/** The loop; yields the users of each new batch (QuotaDraw.ahead) before its first attempt. */
export function* quotaSteps(d: QuotaDraw): Generator<Int32Array, DrawResult, void> {
  const { quota, tm, tagCount, reference } = d;
  const negQuota = quota.draws - quota.positives;
  const [poolPos, poolNeg] = d.pool;
  if (poolPos < quota.positives || poolNeg < negQuota) {
    d.warn(
      `${d.name}: only ${poolPos} positive and ${poolNeg} negative (user, tag) pairs can be drawn, for quotas of ${quota.positives} and ${negQuota}; the file will hold fewer rows`,
    );
  }
  const u: number[] = [];
  const g: number[] = [];
  const l: number[] = [];
  const keys = new Set<number>();
  let pos = 0;
  let neg = 0;
  const maxAttempts = 100_000 + 200 * Math.min(quota.draws, poolPos + poolNeg);
  let attempts = 0;
  // A class can still take a row while it has room and (by default, without repeats) candidates left.
  const open = () =>
    (pos < quota.positives && (reference ? poolPos : poolPos - pos) > 0) || (neg < negQuota && (reference ? poolNeg : poolNeg - neg) > 0);
  while (pos + neg < quota.draws && open()) {
    if (++attempts > maxAttempts) {
      d.warn(`${d.name}: stopped after ${maxAttempts} draws with ${pos + neg} of ${quota.draws} rows (${pos} of ${quota.positives} positives, ${neg} of ${negQuota} negatives): the remaining pairs are too rare to find`);
      break;
    }
    if (d.ahead !== undefined) {
      const need = d.ahead({ wanted: quota.draws - pos - neg, rows: pos + neg, attempts: attempts - 1, attemptsLeft: maxAttempts - attempts + 1 });
      if (need !== undefined && need.length > 0) yield need;
    }
    const pair = d.pick();
    if (pair === undefined) continue;
    const { user, movie, facts } = pair;
    for (let k = tm.start[movie]!; k < tm.start[movie + 1]!; k++) {
      const t = tm.tag[k]!;
      const key = user * tagCount + t;
      const f = flagsOf(facts, t);
      if ((f & EXCLUDED) !== 0 || d.excluded(f, key)) continue;
      if (!reference && keys.has(key)) continue;
      const liked = (f & LIKED) !== 0;
      if (liked ? pos >= quota.positives : neg >= negQuota) continue;
      if (liked) pos++;
      else neg++;
      u.push(user);
      g.push(t);
      l.push(liked ? 1 : 0);
      keys.add(key);
      break;
    }
  }
  if (pos + neg < quota.draws && !open() && attempts <= maxAttempts) {
    d.warn(`${d.name}: ${pos + neg} of ${quota.draws} rows (${pos} of ${quota.positives} positives, ${neg} of ${negQuota} negatives): every pair that could fill the quota was drawn`);
  }
  return { table: labelSetOf(u, g, l), keys };
}
