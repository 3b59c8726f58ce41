/**
 * The construction rule of each test set (docs/test-sets.md): first the shared draw loop on
 * hand-made users (every outcome worked out in the comments), then Tests I, II and III of a small
 * generated world checked row by row against their definitions, computed here from the training
 * rows (K), the dropped tags, the ratings and the liked tags — in both construction modes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { generateDataset } from "../../src/generate/generate.js";
import type { TmValue } from "../../src/mechanisms/values.js";
import { type QuotaDraw, drawQuota } from "../../src/testsets/quota-draw.js";
import { DROPPED, EXCLUDED, KNOWN, LIKED } from "../../src/testsets/tag-flags.js";
import { inTestOne } from "../../src/testsets/test-one.js";
import type { UserFacts } from "../../src/testsets/user-facts.js";

/** One movie with tags 0, 1, 2, 3. */
const TM: TmValue = { start: Int32Array.from([0, 4]), tag: Int32Array.from([0, 1, 2, 3]), originalTagId: Int32Array.from([0, 1, 2, 3]) };
/** User 0: tag 0 excluded (known), tags 1 and 3 liked, tag 2 neither. */
const USER0: UserFacts = { rated: Int32Array.from([0]), tags: Int32Array.from([0, 1, 3]), flags: Uint8Array.from([KNOWN, LIKED, LIKED]) };

function draw(over: Partial<QuotaDraw>, warnings: string[] = []): Array<[number, number, number]> {
  const d: QuotaDraw = {
    name: "Test X",
    quota: { draws: 3, positives: 2 },
    pool: [2, 1],
    reference: false,
    tm: TM,
    tagCount: 4,
    pick: () => ({ user: 0, movie: 0, facts: USER0 }),
    excluded: () => false,
    warn: (m) => warnings.push(m),
    ...over,
  };
  const { table } = drawQuota(d);
  return Array.from(table.user, (u, i) => [u, table.tag[i]!, table.label[i]!]);
}

test("Test I's rule: a dropped tag enters once, and (by default) only when it is not a known training label", () => {
  assert.equal(inTestOne(0, false), true);
  assert.equal(inTestOne(LIKED, false), true);
  assert.equal(inTestOne(KNOWN, false), false); // the leak the default removes
  assert.equal(inTestOne(KNOWN, true), true); // kept under compat: reference
  assert.equal(inTestOne(DROPPED, false), false); // already in Test I
  assert.equal(inTestOne(DROPPED, true), false);
  assert.equal(EXCLUDED, KNOWN | DROPPED);
});

test("the quota draw: first admissible tag of the drawn movie, classes filled to their quotas, no repeat by default", () => {
  // Attempt 1: tag 0 excluded, tag 1 liked → (0, 1, 1). Attempt 2: tag 1 drawn already, tag 2 not
  // liked → (0, 2, 0). Attempt 3: tag 1 drawn, tag 2 drawn, tag 3 liked → (0, 3, 1). Quotas full.
  assert.deepEqual(draw({}), [[0, 1, 1], [0, 2, 0], [0, 3, 1]]);
  // compat: reference lets a pair repeat: attempt 2 takes tag 1 again (positives still have room).
  assert.deepEqual(draw({ reference: true }), [[0, 1, 1], [0, 1, 1], [0, 2, 0]]);
  // A rule of the test (Test III's, say) excluding tag 1: the positives come from tag 3 only.
  const warnings: string[] = [];
  assert.deepEqual(draw({ excluded: (f, key) => key === 1 || (f & KNOWN) !== 0, pool: [1, 1] }, warnings), [[0, 2, 0], [0, 3, 1]]);
  assert.deepEqual(warnings, [
    "Test X: only 1 positive and 1 negative (user, tag) pairs can be drawn, for quotas of 2 and 1; the file will hold fewer rows",
    "Test X: 2 of 3 rows (1 of 2 positives, 1 of 1 negatives): every pair that could fill the quota was drawn",
  ]);
});

test("the quota draw ends: an empty pool takes no attempt, a pool no attempt can reach stops at the bound with a warning", () => {
  let attempts = 0;
  assert.deepEqual(draw({ pool: [0, 0], pick: () => (attempts++, undefined) }), []);
  assert.equal(attempts, 0);
  const warnings: string[] = [];
  assert.deepEqual(draw({ pool: [2, 1], pick: () => (attempts++, undefined) }, warnings), []);
  // The bound: 100,000 + 200 · min(draws, pool) = 100,000 + 200 · 3.
  assert.equal(attempts, 100_600);
  assert.equal(warnings.length, 1, warnings.join("\n")); // the pools could fill the quotas: no warning up front
  assert.match(warnings[0]!, /^Test X: stopped after 100600 draws with 0 of 3 rows/);
});

for (const compat of ["none", "reference"] as const) {
  test(`Tests I, II and III of a small world follow their definitions (${compat})`, () => {
    const config = parseCtarConfig({ users: 150, movies: 80, seed: 6, compat, rct: { users: 15, moviesPerUser: 5 }, ratingMissingness: { rate: 0.1 }, obsTag: { rate: 0.05 }, test2: { draws: 60, positives: 18 }, test3: { draws: 50, positives: 15 } });
    const d = generateDataset(config, syntheticCatalog({ seed: 3 }));
    const { tm, T } = { tm: d.movieTags, T: Math.max(...d.movieTags.tag, ...d.liked.tag) + 1 };
    const key = (u: number, t: number) => u * T + t;
    const tagsOf = (m: number) => Array.from(tm.tag.subarray(tm.start[m]!, tm.start[m + 1]!));
    // K: listed tags, and every tag of an RCT movie or of a −1 ObsTag row.
    const known = new Set<number>();
    for (const [table, all] of [[d.tables.rcttag, true], [d.tables.obstag, false]] as const) {
      for (let i = 0; i < table.length; i++) {
        const [u, m, t] = [table.a[i]!, table.b[i]!, table.c[i]!];
        if (t >= 0) known.add(key(u, t));
        if (all || t < 0) for (const x of tagsOf(m)) known.add(key(u, x));
      }
    }
    const liked = (u: number, t: number) => d.liked.tag.subarray(d.liked.start[u]!, d.liked.start[u + 1]!).includes(t);
    const ratedTags = new Set<number>();
    for (let i = 0; i < d.tables.rating.length; i++) for (const t of tagsOf(d.tables.rating.b[i]!)) ratedTags.add(key(d.tables.rating.a[i]!, t));
    // Test I: the dropped pairs, once each, minus K by default, all positive, users in order.
    const expected1: number[] = [];
    const seen1 = new Set<number>();
    for (let i = 0; i < d.tables.dropped.length; i++) {
      const k = key(d.tables.dropped.a[i]!, d.tables.dropped.c[i]!);
      if (!seen1.has(k) && (compat === "reference" || !known.has(k))) expected1.push(k);
      seen1.add(k);
    }
    const { test1, test2, test3, test: all } = d.tests;
    assert.deepEqual(Array.from(test1.user, (u, i) => key(u, test1.tag[i]!)), expected1);
    assert.ok(test1.label.every((y) => y === 1));
    const inTest1 = new Set(expected1);
    const keys2 = new Set<number>();
    for (let i = 0; i < test2.n; i++) {
      const [u, t] = [test2.user[i]!, test2.tag[i]!];
      const k = key(u, t);
      assert.ok(ratedTags.has(k), `Test II (${u}, ${t}): not a tag of a rated movie`);
      assert.ok(!known.has(k) && !inTest1.has(k) && !seen1.has(k), `Test II (${u}, ${t}): in K or dropped`);
      assert.equal(test2.label[i], liked(u, t) ? 1 : 0);
      assert.ok(!keys2.has(k), "Test II repeats a pair");
      keys2.add(k);
    }
    for (let i = 0; i < test3.n; i++) {
      const [u, t] = [test3.user[i]!, test3.tag[i]!];
      const k = key(u, t);
      assert.ok(!ratedTags.has(k), `Test III (${u}, ${t}): seen through a rated movie`);
      assert.ok(!known.has(k) && !seen1.has(k) && !keys2.has(k), `Test III (${u}, ${t}): in K, dropped or in Test II`);
      assert.equal(test3.label[i], liked(u, t) ? 1 : 0);
    }
    if (compat === "none") {
      // Exactly the rows and positives asked for (the pools of this world are large enough).
      assert.deepEqual([test2.n, test2.label.reduce((a, b) => a + b, 0)], [60, 18]);
      assert.deepEqual([test3.n, test3.label.reduce((a, b) => a + b, 0)], [50, 15]);
    }
    assert.equal(all.n, test1.n + test2.n + test3.n);
    assert.equal(new Set(Array.from(all.user, (u, i) => key(u, all.tag[i]!))).size, all.n, "test.csv repeats a pair");
  });
}
