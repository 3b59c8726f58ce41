/**
 * Fidelity to the released CTAR dataset (docs/release.md#the-released-dataset) on the authors' base catalog, with the
 * reference defaults in the authors' compatible mode, over several fixed seeds (issue 2 item 11).
 *
 * The released files are one draw of the generator. Measured over 30 seeds (seeds 100–129,
 * `node dist/bench/fidelity.js`), the seed-to-seed sd of each figure is: rating rows 143; rating
 * shares of 1..5 0.15 / 0.54 / 0.85 / 0.82 / 0.84 points; obstag rows 127, −1 rows 44; rcttag
 * rows 27; Test I 31; Test II 25 rows and 0.3 points; Test III 14 rows and 0.3 points. The
 * released Test I comes from the earlier run in ../shared/ctar-table3 (see the README); the issue's
 * 15% covers it. Counts are checked on the mean
 * over the seeds with the relative tolerances, which are all wider than 3 sd of a single
 * draw. Rating shares are checked with the tolerance their sampling error allows: the released
 * share is itself one draw, so |mean_K − released| ≤ 3·sd·√(1 + 1/K) (about 2.8 points for the
 * share of 5s, which lies 1.6 sd above the model's mean in the release) — the 1.5 points
 * is narrower than the release's own sampling error for the shares of 3, 4 and 5.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBaseCatalog } from "../../src/io/inputs/read-base-catalog.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { generateDataset } from "../../src/generate/generate.js";
import { CTAR_BASE, needShared } from "../helpers/paths.js";

const SEEDS = [1, 2, 3, 4, 5];
const RELEASED_SHARES = [203, 1501, 5530, 7517, 5146].map((c) => (100 * c) / 19897);
const SHARE_SD = [0.15, 0.54, 0.85, 0.82, 0.84];

test("reference-compatible generation on ../shared/ctar-base lands on the released figures", (t) => {
  const skip = needShared(CTAR_BASE);
  if (skip) return t.skip(skip);
  const base = loadBaseCatalog(CTAR_BASE);
  const acc = { rating: 0, obstag: 0, obsNeg: 0, rct: 0, t1: 0, t2: 0, t3: 0, t2pos: 0, t3pos: 0, tags: 0 };
  const shares = [0, 0, 0, 0, 0];
  for (const seed of SEEDS) {
    const d = generateDataset(parseCtarConfig({ seed, catalog: CTAR_BASE, compat: "reference" }), base);
    const r = d.tables.rating;
    const hist = [0, 0, 0, 0, 0];
    for (let i = 0; i < r.length; i++) hist[r.c[i]! - 1]!++;
    hist.forEach((h, k) => (shares[k]! += (100 * h) / r.length / SEEDS.length));
    let neg = 0;
    for (let i = 0; i < d.tables.obstag.length; i++) if (d.tables.obstag.c[i]! < 0) neg++;
    const pos = (l: Float64Array) => (100 * l.reduce((a, b) => a + b, 0)) / l.length;
    const add = (k: keyof typeof acc, v: number) => (acc[k] += v / SEEDS.length);
    add("rating", r.length);
    add("obstag", d.tables.obstag.length);
    add("obsNeg", neg);
    add("rct", d.tables.rcttag.length);
    add("t1", d.tests.test1.user.length);
    add("t2", d.tests.test2.user.length);
    add("t3", d.tests.test3.user.length);
    add("t2pos", pos(d.tests.test2.label));
    add("t3pos", pos(d.tests.test3.label));
    add("tags", d.movieCsvTags);
    // Every user and movie appears in rating.csv, as in the release.
    assert.equal(new Set(r.a.subarray(0, r.length)).size, 1000);
    assert.equal(new Set(r.b.subarray(0, r.length)).size, 1000);
  }
  const within = (name: string, got: number, want: number, rel: number) =>
    assert.ok(Math.abs(got - want) <= rel * want, `${name}: ${got.toFixed(1)} is not within ${100 * rel}% of ${want}`);
  within("rating rows", acc.rating, 19897, 0.02);
  within("obstag rows", acc.obstag, 9619, 0.08);
  within("obstag −1 rows", acc.obsNeg, 1465, 0.15);
  within("rcttag rows", acc.rct, 1489, 0.1);
  within("test_1 rows", acc.t1, 1267, 0.15);
  within("test_2 rows", acc.t2, 4170, 0.1);
  within("test_3 rows", acc.t3, 3719, 0.1);
  within("distinct tags in movie.csv", acc.tags, 1720, 0.05);
  assert.ok(Math.abs(acc.t2pos - 25.1) <= 3, `test_2 positive share ${acc.t2pos}`);
  assert.ok(Math.abs(acc.t3pos - 25.3) <= 3, `test_3 positive share ${acc.t3pos}`);
  shares.forEach((s, k) => {
    const tol = 3 * SHARE_SD[k]! * Math.sqrt(1 + 1 / SEEDS.length);
    assert.ok(Math.abs(s - RELEASED_SHARES[k]!) <= tol, `share of rating ${k + 1}: ${s.toFixed(2)} vs released ${RELEASED_SHARES[k]!.toFixed(2)} (tolerance ${tol.toFixed(2)})`);
  });
});

test("default mode: Test I holds no training label, Tests II and III hold exactly their quotas", (t) => {
  const skip = needShared(CTAR_BASE);
  if (skip) return t.skip(skip);
  const base = loadBaseCatalog(CTAR_BASE);
  const d = generateDataset(parseCtarConfig({ seed: 3, catalog: CTAR_BASE }), base);
  const T = d.catalog.tagPopularity.length;
  const obsPos = new Set<number>();
  for (let i = 0; i < d.tables.obstag.length; i++) if (d.tables.obstag.c[i]! >= 0) obsPos.add(d.tables.obstag.a[i]! * T + d.tables.obstag.c[i]!);
  for (let i = 0; i < d.tests.test1.user.length; i++) assert.ok(!obsPos.has(d.tests.test1.user[i]! * T + d.tests.test1.tag[i]!), "Test I pair labelled in obstag");
  assert.equal(d.tests.test2.user.length, 5000);
  assert.equal(d.tests.test2.label.reduce((a, b) => a + b, 0), 1500);
  assert.equal(d.tests.test3.user.length, 4000);
  assert.equal(d.tests.test3.label.reduce((a, b) => a + b, 0), 1200);
});
