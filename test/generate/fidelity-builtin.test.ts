/**
 * The whole path on the built-in catalog (no ../shared needed): figures the model implies exactly,
 * with tolerances from their sampling error, and the test-set construction's invariants.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { generateDataset } from "../../src/generate/generate.js";

const config = parseCtarConfig({});
const d = generateDataset(config, syntheticCatalog({ seed: config.catalogSeed }));
const T = d.catalog.tagPopularity.length;
const key = (u: number, t: number) => u * T + t;

test("rating rows: the expected count Σ_m P(R_R = 1 | m) · users, within 4 binomial sd", () => {
  const p = d.kernels.get("R_R")!.truth!["propensity"] as Float64Array;
  let mean = 0;
  let variance = 0;
  for (const x of p) {
    mean += x * config.users;
    variance += x * (1 - x) * config.users;
  }
  // The propensities are normalised to the rate: the expectation is rate · users · movies.
  assert.ok(Math.abs(mean - 0.02 * 1000 * 1000) < 1e-6);
  const n = d.tables.rating.length;
  assert.ok(Math.abs(n - mean) <= 4 * Math.sqrt(variance), `${n} rating rows, expected ${mean} ± ${Math.sqrt(variance).toFixed(0)}`);
  assert.equal(new Set(d.tables.rating.a.subarray(0, n)).size, 1000, "every user has a rating (P(none) ≈ e^−20 per user)");
});

test("obstag pairs: rate · users · movies in expectation, within 4 binomial sd", () => {
  const o = d.tables.obstag;
  const pairs = new Set<number>();
  for (let i = 0; i < o.length; i++) pairs.add(o.a[i]! * 1000 + o.b[i]!);
  const mean = 0.007 * 1000 * 1000;
  assert.ok(Math.abs(pairs.size - mean) <= 4 * Math.sqrt(mean * (1 - 0.007)), `${pairs.size} obstag pairs, expected ${mean}`);
});

test("rcttag covers exactly 100 users × 10 movies, with every liked tag of each pair", () => {
  const r = d.tables.rcttag;
  const pairs = new Set<number>();
  const users = new Set<number>();
  for (let i = 0; i < r.length; i++) {
    pairs.add(r.a[i]! * 1000 + r.b[i]!);
    users.add(r.a[i]!);
  }
  assert.equal(pairs.size, 1000);
  assert.equal(users.size, 100);
});

test("movie.csv uses about 1,720 distinct tags, as the released file does", () => {
  assert.ok(Math.abs(d.movieCsvTags - 1720) <= 0.05 * 1720, `${d.movieCsvTags} tags`);
});

test("every test label is the truth: 1 exactly when the user likes the tag", () => {
  const liked = new Set<number>();
  for (let u = 0; u < config.users; u++) for (let k = d.liked.start[u]!; k < d.liked.start[u + 1]!; k++) liked.add(key(u, d.liked.tag[k]!));
  for (const [name, t] of Object.entries(d.tests)) {
    for (let i = 0; i < t.user.length; i++) {
      assert.equal(t.label[i], liked.has(key(t.user[i]!, t.tag[i]!)) ? 1 : 0, `${name} row ${i}`);
    }
  }
});

test("Tests II and III: exact quotas, distinct rows, II from rated movies, III from tags no rated movie shows", () => {
  const { test2, test3 } = d.tests;
  assert.equal(test2.user.length, 5000);
  assert.equal(test2.label.reduce((a, b) => a + b, 0), 1500);
  assert.equal(test3.user.length, 4000);
  assert.equal(test3.label.reduce((a, b) => a + b, 0), 1200);
  const ratedTags = new Set<number>();
  const r = d.tables.rating;
  const tm = d.movieTags;
  for (let i = 0; i < r.length; i++) for (let k = tm.start[r.b[i]!]!; k < tm.start[r.b[i]! + 1]!; k++) ratedTags.add(key(r.a[i]!, tm.tag[k]!));
  const k2 = new Set<number>();
  for (let i = 0; i < test2.user.length; i++) {
    const k = key(test2.user[i]!, test2.tag[i]!);
    assert.ok(ratedTags.has(k), "a Test II tag is shown by one of the user's rated movies");
    k2.add(k);
  }
  assert.equal(k2.size, 5000);
  for (let i = 0; i < test3.user.length; i++) {
    const k = key(test3.user[i]!, test3.tag[i]!);
    assert.ok(!ratedTags.has(k), "a Test III tag is shown by none of the user's rated movies");
    assert.ok(!k2.has(k), "Test III overlaps Test II");
  }
});

test("Test I: liked tags dropped from observed pairs, none of them a known training label", () => {
  const known = new Set<number>();
  for (const t of [d.tables.obstag, d.tables.rcttag]) for (let i = 0; i < t.length; i++) if (t.c[i]! >= 0) known.add(key(t.a[i]!, t.c[i]!));
  const dropped = new Set<number>();
  const dr = d.tables.dropped;
  for (let i = 0; i < dr.length; i++) dropped.add(key(dr.a[i]!, dr.c[i]!));
  const { test1 } = d.tests;
  assert.ok(test1.user.length > 0);
  for (let i = 0; i < test1.user.length; i++) {
    const k = key(test1.user[i]!, test1.tag[i]!);
    assert.ok(dropped.has(k));
    assert.ok(!known.has(k));
    assert.equal(test1.label[i], 1);
  }
});

test("an impossible quota is said up front from the pool sizes, and the draws stop once every candidate pair is drawn", () => {
  const warnings: string[] = [];
  // A million draws asked of a world whose pools hold a few hundred pairs: the attempt bound of
  // the old loop (200 per draw) would have taken hours; the pools end it as soon as they are empty.
  const c = parseCtarConfig({ users: 30, movies: 40, rct: { users: 3, moviesPerUser: 3 }, test2: { draws: 1_000_000, positives: 300_000 }, test3: { draws: 20, positives: 5 } });
  const small = generateDataset(c, syntheticCatalog({ seed: 1 }), { warn: (m) => warnings.push(m) });
  const said = warnings.map((w) => /^Test II: only (\d+) positive and (\d+) negative/.exec(w)).find((m) => m !== null);
  assert.ok(said, warnings.join("\n"));
  const [pos, neg] = [Number(said[1]), Number(said[2])];
  // By default a pair is never drawn twice, so exhausting the pools draws each candidate once.
  const t2 = small.tests.test2;
  const positives = t2.label.reduce((a, b) => a + b, 0);
  assert.equal(positives, pos);
  assert.equal(t2.user.length - positives, neg);
  assert.ok(warnings.some((w) => /^Test II: .* every pair that could fill the quota was drawn/.test(w)), warnings.join("\n"));
});
