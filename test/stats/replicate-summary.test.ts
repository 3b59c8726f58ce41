/** summarizeReplicates: hand-worked means and sample sds, missing figures as 0, K = 1. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { DatasetStats } from "../../src/stats/dataset-stats.js";
import { flattenFigures, summarizeReplicates } from "../../src/stats/replicate-summary.js";

function stats(rows: number, hist: Record<string, number>): DatasetStats {
  const tag = { rows, pairs: 1, noTagRows: 0, users: 1, movies: 1 };
  return { movies: 2, distinctTags: 3, rating: { rows, histogram: hist, users: 1, movies: 1 }, obstag: tag, rcttag: tag, tests: {} };
}

test("mean and sample sd by hand: rows 1, 2, 3 → 2 ± 1; a bin absent from one replicate counts 0", () => {
  const s = summarizeReplicates([stats(1, { "4": 1 }), stats(2, { "4": 1, "5": 1 }), stats(3, { "4": 2, "5": 1 })], [7, 8, 9]);
  assert.deepEqual(s.seeds, [7, 8, 9]);
  assert.deepEqual(s.figures["rating.rows"], { mean: 2, sd: 1, min: 1, max: 3, values: [1, 2, 3] });
  // 5-bin: 0, 1, 1 → mean 2/3, sd² = ((2/3)² + 2·(1/3)²)/2 = 1/3
  const b = s.figures["rating.histogram.5"]!;
  assert.deepEqual(b.values, [0, 1, 1]);
  assert.ok(Math.abs(b.mean - 2 / 3) < 1e-15);
  assert.ok(Math.abs(b.sd! - Math.sqrt(1 / 3)) < 1e-15);
  assert.equal(s.figures["movies"]!.sd, 0);
});

test("one replicate: the figure, and no sd", () => {
  const s = summarizeReplicates([stats(5, {})], [1]);
  assert.deepEqual(s.figures["rating.rows"], { mean: 5, sd: null, min: 5, max: 5, values: [5] });
  assert.deepEqual([...flattenFigures({ a: { b: 1, c: [2] } }).entries()], [["a.b", 1], ["a.c.0", 2]]);
});
