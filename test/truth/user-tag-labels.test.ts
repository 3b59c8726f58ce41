/**
 * truth/user_tag.csv (τ and τ′ of Eq. 1–2) on a generated dataset: one row per liked tag, τ in
 * (0, 1), and the test labels (test/test_*.csv islike) agree with τ′ for every row.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { readIntColumns, forEachCsvRow, readText } from "../../src/io/tables/csv.js";
import { ctar, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "300", "--rct-users", "20", "--test2-draws", "500", "--test2-positives", "150", "--test3-draws", "400", "--test3-positives", "120"];

function userTag(dir: string): Map<string, { tau: number; prime: number }> {
  const file = join(dir, "truth/user_tag.csv");
  const out = new Map<string, { tau: number; prime: number }>();
  forEachCsvRow(readText(file), file, ["userid", "tagid", "likes", "tau", "tau_prime"], (f) => {
    assert.equal(f[2], "1");
    out.set(`${f[0]},${f[1]}`, { tau: Number(f[3]), prime: Number(f[4]) });
  });
  return out;
}

test("user_tag.csv lists every liked tag with 0 < τ < 1 and τ′ = 1, and the test labels agree with τ′", () => {
  const dir = join(tempDir(), "d");
  const r = ctar(["generate", "--out", dir, "--quiet", "--seed", "5", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const truth = userTag(dir);
  const liked = readIntColumns(join(dir, "truth/liked_tags.csv"), ["userid", "tagid"]);
  assert.equal(truth.size, liked.rows);
  for (let i = 0; i < liked.rows; i++) {
    const t = truth.get(`${liked.cols[0]![i]},${liked.cols[1]![i]}`);
    assert.ok(t !== undefined, `liked pair ${liked.cols[0]![i]},${liked.cols[1]![i]} missing from user_tag.csv`);
    assert.ok(t.tau > 0 && t.tau < 1 && t.prime === 1, `τ = ${t.tau}, τ′ = ${t.prime}`);
  }
  let checked = 0;
  for (const name of ["test_1", "test_2", "test_3", "test"]) {
    const labels = readIntColumns(join(dir, `test/${name}.csv`), ["userid", "tagid", "islike"]);
    for (let i = 0; i < labels.rows; i++) {
      const key = `${labels.cols[0]![i]},${labels.cols[1]![i]}`;
      const prime = truth.get(key)?.prime ?? 0; // absent: not liked, τ = τ′ = 0
      assert.equal(prime, labels.cols[2]![i], `${name}.csv ${key}: islike ${labels.cols[2]![i]} but τ′ = ${prime}`);
      checked++;
    }
  }
  assert.ok(checked > 1000, `only ${checked} labels checked`);
});
