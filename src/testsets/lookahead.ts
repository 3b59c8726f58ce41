/**
 * The pairs of a Test II or III draw taken from their stream a batch ahead. A test's stream is
 * read only by its own pair draws, in attempt order, whatever the attempts find, so drawing a
 * batch of pairs before the attempts that use them gives every attempt the same pair as drawing
 * it on the spot; pairs left over when the quotas are full are simply not used. What a batch buys:
 * the users it lands on are known before their facts are needed, so they can be regenerated all
 * at once, in parallel (quota-draw.ts yields them; io/run/ sends them to the worker threads).
 */
import type { QuotaProgress } from "./quota-draw.js";
import type { UserFactsSource } from "./user-facts.js";

/** A batch's size bounds: a few round trips for a whole test, little regenerated in vain. */
const MIN_BATCH = 64;
const MAX_BATCH = 8192;

export class Lookahead<C extends { readonly user: number }> {
  private batch: Array<C | undefined> = [];
  private at = 0;

  constructor(
    /** One pair drawn from the test's stream (undefined when the test can draw none). */
    private readonly draw: () => C | undefined,
    private readonly facts: UserFactsSource,
  ) {}

  /**
   * Before an attempt: when the batch is used up, draws the next one — sized to the rows still
   * wanted over the rows an attempt has yielded so far, with a quarter more — and returns the
   * users of its pairs whose facts are not at hand yet.
   */
  ahead(p: QuotaProgress): Int32Array | undefined {
    if (this.at < this.batch.length) return undefined;
    const rate = p.attempts === 0 ? 0.5 : Math.max(p.rows / p.attempts, 0.01);
    const n = Math.max(1, Math.min(p.attemptsLeft, Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.ceil((1.25 * p.wanted) / rate)))));
    this.batch = new Array<C | undefined>(n);
    this.at = 0;
    const users: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < n; i++) {
      const c = this.draw();
      this.batch[i] = c;
      if (c !== undefined && !seen.has(c.user) && !this.facts.has(c.user)) {
        seen.add(c.user);
        users.push(c.user);
      }
    }
    return Int32Array.from(users);
  }

  /** The next pair, in draw order. */
  next(): C | undefined {
    if (this.at === this.batch.length) return this.draw();
    return this.batch[this.at++];
  }
}
