/**
 * Every command that reads a dataset accepts it as CSV or as Parquet: the same folder converted
 * to Parquet (CSV files removed) gives the same stats, the same bench dataset and the same OPE.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadBenchDataset } from "../../../src/io/dataset/read-bench-dataset.js";
import { readCtarFolder } from "../../../src/io/dataset/read-dataset.js";
import { readRatingPropensity } from "../../../src/io/dataset/read-rating-propensity.js";
import { ctar, tempDir } from "../../helpers/paths.js";
import { convertToParquet } from "../../helpers/parquet-dataset.js";

export const SMALL = ["--users", "120", "--movies", "60", "--rct-users", "12", "--test2-draws", "120", "--test2-positives", "36", "--test3-draws", "90", "--test3-positives", "27"];

function pair(): { csv: string; pq: string } {
  const root = tempDir();
  const csv = join(root, "csv");
  const r = ctar(["generate", "--out", csv, "--quiet", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const pq = join(root, "pq");
  cpSync(csv, pq, { recursive: true });
  convertToParquet(pq, { groupRows: 37 });
  assert.ok(!existsSync(join(pq, "train/rating.csv")) && existsSync(join(pq, "train/rating.parquet")));
  return { csv, pq };
}

test("stats, bench's reader and ope read a Parquet folder as its CSV twin", () => {
  const { csv, pq } = pair();
  assert.deepEqual(readCtarFolder(pq), { ...readCtarFolder(csv), dir: pq });
  assert.deepEqual(loadBenchDataset(pq), loadBenchDataset(csv));
  assert.deepEqual(readRatingPropensity(pq, 60), readRatingPropensity(csv, 60));
  const s1 = ctar(["stats", "--json", csv]);
  const s2 = ctar(["stats", "--json", pq]);
  assert.equal(s1.status, 0, s1.stderr);
  assert.equal(s2.stdout, s1.stdout);
  const o1 = ctar(["ope", csv, "--policy", "popularity", "--json"]);
  const o2 = ctar(["ope", pq, "--policy", "popularity", "--json"]);
  assert.equal(o1.status, 0, o1.stderr);
  assert.equal(o2.stdout.replace(pq, "DIR"), o1.stdout.replace(csv, "DIR"));
});

test("a Parquet table that is not Parquet is one clear error", () => {
  const { pq } = pair();
  cpSync(join(pq, "config.json"), join(pq, "train/rating.parquet"));
  const r = ctar(["stats", pq]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^ctar: .*train\/rating\.parquet: not a Parquet file/);
  assert.equal(r.stderr.trim().split("\n").length, 1);
});
