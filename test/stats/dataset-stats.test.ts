/** datasetStats on a hand-made folder: every figure counted by hand from the rows below. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CtarFolder, IntTable } from "../../src/stats/ctar-folder.js";
import { datasetStats } from "../../src/stats/dataset-stats.js";
import { formatReplicateSummary, summarizeReplicates } from "../../src/stats/replicate-summary.js";

function table(rows: ReadonlyArray<readonly number[]>): IntTable {
  const width = rows[0]?.length ?? 3;
  return { rows: rows.length, cols: Array.from({ length: width }, (_, k) => Int32Array.from(rows, (r) => r[k]!)) };
}

const FOLDER: CtarFolder = {
  dir: "hand",
  // Tags 3, 1, 7 (3 twice): 3 distinct.
  movieTags: [Int32Array.from([3, 1]), Int32Array.from([]), Int32Array.from([7, 3])],
  // Ratings 5, 1, 5, 3: users {0, 2}, movies {0, 1, 2}.
  rating: table([[0, 0, 5], [0, 1, 1], [2, 0, 5], [2, 2, 3]]),
  // Pairs (0,0) twice, (1,2) once, (1,0) once → 3 pairs; one −1 row; users {0, 1}; movies {0, 2}.
  obstag: table([[0, 0, 3], [0, 0, 1], [1, 2, -1], [1, 0, 3]]),
  rcttag: table([[4, 1, -1]]),
  tests: {
    // 2 of 3 positive; users {0, 5}; the pair (0, 3) twice → 2 distinct pairs.
    test_1: table([[0, 3, 1], [0, 3, 1], [5, 7, 0]]),
    test_2: { rows: 0, cols: [new Int32Array(0), new Int32Array(0), new Int32Array(0)] },
  },
};

test("datasetStats: rows, the rating histogram in value order, distinct users, movies, pairs and tags", () => {
  const s = datasetStats(FOLDER);
  assert.equal(s.movies, 3);
  assert.equal(s.distinctTags, 3);
  assert.deepEqual(s.rating, { rows: 4, histogram: { "1": 1, "3": 1, "5": 2 }, users: 2, movies: 3 });
  assert.deepEqual(Object.keys(s.rating.histogram), ["1", "3", "5"]);
  assert.deepEqual(s.obstag, { rows: 4, pairs: 3, noTagRows: 1, users: 2, movies: 2 });
  assert.deepEqual(s.rcttag, { rows: 1, pairs: 1, noTagRows: 1, users: 1, movies: 1 });
  assert.deepEqual(s.tests["test_1"], { rows: 3, positives: 2, positiveShare: 2 / 3, users: 2, distinctPairs: 2 });
  assert.deepEqual(s.tests["test_2"], { rows: 0, positives: 0, positiveShare: 0, users: 0, distinctPairs: 0 });
});

test("distinct pairs do not collide on large ids or on tag −1", () => {
  const big = { ...FOLDER, obstag: table([[2147483647, 0, 1], [0, 2147483647, 1], [1, 0, -1], [1, 0, 0]]) };
  assert.equal(datasetStats(big).obstag.pairs, 3); // (1, 0) twice
});

test("summary.md of two replicates: mean ± sample sd, min and max, figures in the stats' order", () => {
  const a = datasetStats(FOLDER);
  const b = datasetStats({ ...FOLDER, rating: table([[0, 0, 5], [1, 1, 4]]) });
  const s = summarizeReplicates([a, b], [3, 4]);
  // rating.rows: 4 and 2 → mean 3, sd √((1 + 1)/1) = √2 = 1.41421 (6 significant digits).
  const text = formatReplicateSummary(s, "out");
  assert.match(text, /^# 2 replicates of out\n/);
  assert.match(text, /\| rating\.rows \| 3 ± 1\.41421 \| 2 \| 4 \|\n/);
  // Histogram bin 4 only in b: 0 and 1 → mean 0.5, sd √0.5 = 0.707107.
  assert.match(text, /\| rating\.histogram\.4 \| 0\.5 ± 0\.707107 \| 0 \| 1 \|\n/);
  assert.ok(text.indexOf("| movies |") < text.indexOf("| rating.rows |"));
  assert.throws(() => summarizeReplicates([a], [1, 2]), RangeError);
});
