import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadBenchDataset } from "../../src/io/dataset/read-bench-dataset.js";
import { countPositive } from "../../src/labels/label-set.js";
import { randomizedLabels, observedLabels, trainingLabels, type MovieTags, type TagFeedback } from "../../src/labels/training-labels.js";
import { naiveBayesPropensity } from "../../src/models/naive-bayes-propensity.js";

const TABLE3 = path.resolve(process.cwd(), "../shared/ctar-table3");

// Two movies: movie 0 has tags 0,1,2; movie 1 has tags 2,3.
const movies: MovieTags = { start: Int32Array.from([0, 3, 5]), tag: Int32Array.from([0, 1, 2, 2, 3]) };
const fb = (rows: number[][]): TagFeedback => ({
  n: rows.length,
  user: Int32Array.from(rows.map((r) => r[0]!)),
  movie: Int32Array.from(rows.map((r) => r[1]!)),
  tag: Int32Array.from(rows.map((r) => r[2]!)),
});
const triples = (s: { n: number; user: Int32Array; tag: Int32Array; label: Float64Array }) =>
  Array.from({ length: s.n }, (_, i) => `${s.user[i]},${s.tag[i]},${s.label[i]}`);

test("OBS: a listed tag is 1, a −1 row makes every tag of the movie 0, triples deduplicated", () => {
  const obs = observedLabels(fb([[0, 0, 1], [0, 0, 2], [1, 1, -1], [0, 1, 2], [1, 0, -1], [1, 1, -1]]), movies, 2, 4);
  // worked by hand from the rows above
  assert.deepEqual(triples(obs), ["0,1,1", "0,2,1", "1,2,0", "1,3,0", "1,0,0", "1,1,0"]);
});

test("RCT: listed tags are 1, −1 rows and every unlisted tag of the movie are 0", () => {
  const rows = fb([[0, 0, 1], [1, 1, -1], [0, 0, 2], [0, 1, 3]]);
  // part 1 (row order): 0,1,1 | 1,2,0 1,3,0 | 0,2,1 | 0,3,1; part 2 (pairs (0,0), (1,1), (0,1)):
  // unlisted 0,0,0 | (1,2,0 1,3,0 again) | 0,2,0
  assert.deepEqual(triples(randomizedLabels(rows, movies, 2, 4)), ["0,1,1", "1,2,0", "1,3,0", "0,2,1", "0,3,1", "0,0,0", "0,2,0"]);
  // an unlisted-tag negative that is already an OBS triple is left to OBS; a −1 row's negatives are not
  const obs = observedLabels(fb([[0, 0, -1], [1, 1, -1]]), movies, 2, 4);
  assert.deepEqual(triples(randomizedLabels(rows, movies, 2, 4, obs)), ["0,1,1", "1,2,0", "1,3,0", "0,2,1", "0,3,1"]);
});

test("Naive-Bayes propensity reproduces the documented weights from the documented counts", () => {
  // Synthetic sets with exactly the counts of docs/baselines.md#training-labels: OBS 15,376 (4,089 positive), RCT 5,757 (556 positive).
  const set = (n: number, pos: number) => ({ n, user: new Int32Array(n), tag: new Int32Array(n), label: Float64Array.from({ length: n }, (_, i) => (i < pos ? 1 : 0)) });
  const p = naiveBayesPropensity(set(15376, 4089), set(5757, 556), 1000, 1720);
  assert.ok(Math.abs(1 / p.p0 - 137.67) < 0.005, `w0 = ${1 / p.p0}`);
  assert.ok(Math.abs(1 / p.p1 - 40.62) < 0.005, `w1 = ${1 / p.p1}`);
});

test("ALL is OBS ∪ RCT without repeated triples", () => {
  const l = trainingLabels(fb([[0, 0, 1]]), fb([[0, 0, 1]]), movies, 2, 4);
  assert.deepEqual(triples(l.all), ["0,1,1", "0,0,0", "0,2,0"]);
});

test("a row outside the data's users, movies or tags is an InputError", () => {
  assert.throws(() => observedLabels(fb([[2, 0, 1]]), movies, 2, 4), /obstag: row 1 has user 2/);
  assert.throws(() => observedLabels(fb([[0, 5, 1]]), movies, 2, 4), /obstag: row 1 has movie 5/);
  assert.throws(() => randomizedLabels(fb([[0, 0, 9]]), movies, 2, 4), /rcttag: row 1 has tag 9/);
});

test("ctar-table3: label counts and Naive-Bayes weights of docs/baselines.md", (t) => {
  if (!existsSync(TABLE3)) return t.skip(`${TABLE3} is absent`);
  const d = loadBenchDataset(TABLE3);
  assert.equal(d.users, 1000);
  assert.equal(d.tags, 1720);
  assert.equal(d.catalogTags.length, 1720);
  const { obs, rct, all } = d.labels;
  assert.deepEqual([all.n, countPositive(all)], [20601, 4308]);
  assert.deepEqual([obs.n, countPositive(obs)], [15376, 4089]);
  assert.deepEqual([rct.n, countPositive(rct)], [5757, 556]);
  const p = naiveBayesPropensity(obs, rct, d.users, d.tags);
  // docs/baselines.md#mf-ips states w0 ≈ 137.67, w1 ≈ 40.62 (two decimals).
  assert.ok(Math.abs(1 / p.p0 - 137.67) < 0.005, `w0 = ${1 / p.p0}`);
  assert.ok(Math.abs(1 / p.p1 - 40.62) < 0.005, `w1 = ${1 / p.p1}`);
  assert.deepEqual([d.tests.I.n, d.tests.II.n, d.tests.III.n, d.tests.all.n], [1528, 5000, 4000, 10528]);
});
