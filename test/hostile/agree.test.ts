/**
 * Readers that agree with what generate writes and records: `validate` flags a value outside its
 * column's domain in every spelling a hostile mechanism or an editor could leave (a rating 99,
 * −3, 2.5, NaN or Infinity; a τ of NaN, ±Infinity or 1e999; a propensity NaN), exit 1, the
 * problem named with file:line; `report` shows the card's catalog by its label (never
 * `[object Object]`) and reads a dataset too large for the τ′ evaluation (it draws no τ′); a
 * relative `--catalog` is recorded relative to the dataset folder, so that the dataset
 * regenerates from any folder.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure, run } from "./harness.js";
import { datasetCopy, scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Replaces field `k` (0-based) of line `n` (1-based). */
const setField = (n: number, k: number, value: string) => (text: string) => {
  const lines = text.split("\n");
  const f = lines[n - 1]!.split(",");
  f[k] = value;
  lines[n - 1] = f.join(",");
  return lines.join("\n");
};

// [file, field, value, what validate's stdout names]
const VALUES: Array<[string, number, string, string]> = [
  ["train/rating.csv", 2, "99", "rating 99 out of range (expected 1..5)"],
  ["train/rating.csv", 2, "-3", "rating -3 out of range (expected 1..5)"],
  ["train/rating.csv", 2, "2.5", "column 'rating' is not an integer (got '2.5')"],
  ["train/rating.csv", 2, "NaN", "column 'rating' is not an integer (got 'NaN')"],
  ["train/rating.csv", 2, "Infinity", "column 'rating' is not an integer (got 'Infinity')"],
  ["truth/user_tag.csv", 3, "NaN", "column 'tau' is not a number (got 'NaN')"],
  ["truth/user_tag.csv", 3, "Infinity", "column 'tau' is not a number (got 'Infinity')"],
  ["truth/user_tag.csv", 3, "-Infinity", "column 'tau' is not a number (got '-Infinity')"],
  ["truth/user_tag.csv", 3, "1e999", "column 'tau' is not a number (got '1e999')"],
  ["truth/movie.csv", 6, "NaN", "column 'p_rating_observed' is not a number (got 'NaN')"],
];

describe("validate flags every value outside its column's domain", { concurrency: 6 }, () => {
  for (const [file, field, value, says] of VALUES) {
    it(`${file}: ${value}`, async () => {
      const d = datasetCopy({ [file]: setField(2, field, value) });
      const r = await expectFailure({ args: ["validate", d], code: 1, match: /ds: \d+ problems? \(listed on stdout\)/ });
      assert.match(r.stdout, new RegExp(`ds/${esc(file)}:2: ${esc(says)}`));
    });
  }
});

describe("report agrees with the other readers", { concurrency: 2 }, () => {
  it("the card's catalog is shown by its label, not [object Object]", async () => {
    const d = datasetCopy();
    const out = join(scratch(), "r.html");
    const r = await run(["report", d, "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    const html = readFileSync(out, "utf8");
    assert.doesNotMatch(html, /object Object/);
    assert.match(html, /catalog<\/td><td>builtin:seed=\d+/);
  });
  it("a dataset whose users × tags exceed the τ′ evaluation is still reported (the report draws no τ′)", async () => {
    // config.json records the users: 10 million × the catalog's tags is past 2^28 pairs, as 200,000 users of the full catalog are
    const d = datasetCopy({ "config.json": (t) => t.replace(/"users": 40,/, '"users": 10000000,') });
    assert.match(readFileSync(join(d, "config.json"), "utf8"), /"users": 10000000,/);
    const out = join(scratch(), "r.html");
    const r = await run(["report", d, "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(out, "utf8"), /<html/i);
  });
});

describe("a relative --catalog", () => {
  it("is recorded relative to the dataset folder, and the dataset verifies from another folder", async () => {
    const root = scratch();
    const cat = join(root, "cat");
    mkdirSync(cat);
    const movies = Array.from({ length: 12 }, (_, i) => i + 1);
    writeFileSync(join(cat, "movie_rating.csv"), `movieid,rating\n${movies.map((m) => `${m},${1 + (m % 4)}.5`).join("\n")}\n`);
    writeFileSync(join(cat, "movie_tag_ct.csv"), `movieid,tagid,tagCount\n${movies.flatMap((m) => [0, 1, 2].map((k) => `${m},${(m + k) % 15},${m + k + 1}`)).join("\n")}\n`);
    const g = await run(["generate", "--out", "sub/ds", "--quiet", "--catalog", "cat", "--users", "20", "--movies", "10", "--liked-tags-min", "2", "--liked-tags-max", "5", "--tags-per-movie", "3", "--rct-users", "4", "--rct-movies", "3", "--test2-draws", "10", "--test2-positives", "2", "--test3-draws", "10", "--test3-positives", "2"], { cwd: root });
    assert.equal(g.status, 0, g.stderr);
    const d = join(root, "sub/ds");
    const cfg = JSON.parse(readFileSync(join(d, "config.json"), "utf8"));
    assert.equal(cfg.config.catalog, "../../cat");
    assert.equal(cfg.catalog.path, "../../cat");
    assert.match(readFileSync(join(d, "README.md"), "utf8"), /recorded as `\.\.\/\.\.\/cat`/);
    const v = await run(["verify", d], { cwd: "/" });
    assert.equal(v.status, 0, v.stderr);
  });
});
