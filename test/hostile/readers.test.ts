/**
 * What the readers accept and refuse beyond single broken lines: `export` copies only ids of
 * the dataset (a user below config.json's count, a movie of movie.csv, a tag movie.csv lists),
 * naming the row, exit 3, nothing written; `validate` refuses a file swapped for a symbolic link
 * (a dataset holds only regular files and folders); `report` reads a Parquet-only dataset as
 * every other reader does.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure, run } from "./harness.js";
import { datasetCopy, fullTruthCopy, parquetCopy, scratch, setLine } from "./fixtures.js";

const TARGETS = ["cornac", "recbole", "logged-feedback"] as const;
// [name, file, line, new line, targets that read the file, what the message names]
const ids: Array<[string, string, number, string, readonly string[], RegExp]> = [
  ["a rating of user −5", "train/rating.csv", 2, "-5,1,3", TARGETS, /train\/rating\.csv:2: userid -5 out of range/],
  ["a rating of user 40 (config.json records 40 users)", "train/rating.csv", 2, "40,1,3", TARGETS, /train\/rating\.csv:2: userid 40 out of range/],
  ["a rating of movie 30 (movie.csv has 30)", "train/rating.csv", 2, "0,30,3", TARGETS, /train\/rating\.csv:2: movieid 30 out of range/],
  ["a test row with tag 999999", "test/test_1.csv", 2, "0,999999,1", ["cornac", "recbole"], /test\/test_1\.csv:2: tagid 999999 out of range/],
  ["a test row of user −5", "test/test_2.csv", 2, "-5,1,1", ["cornac", "recbole"], /test\/test_2\.csv:2: userid -5 out of range/],
  ["an obstag row with tag 999999", "train/obstag.csv", 2, "0,1,999999", TARGETS, /train\/obstag\.csv:2: tagid 999999 out of range/],
];

describe("export writes only ids of the dataset", { concurrency: 4 }, () => {
  for (const [name, file, line, text, targets, match] of ids) {
    for (const to of targets) {
      it(`${to}: ${name}`, async () => {
        const d = to === "logged-feedback" ? fullTruthCopy() : datasetCopy();
        const f = join(d, file);
        writeFileSync(f, setLine(line, text)(readFileSync(f, "utf8")));
        const out = join(scratch(), "exp");
        await expectFailure({ args: ["export", d, "--to", to, "--out", out], code: 3, match, absent: [out], clean: [join(out, "..")] });
      });
    }
  }
});

describe("validate and links", { concurrency: 2 }, () => {
  it("a table swapped for a symbolic link to the same bytes: a problem, exit 1", async () => {
    const d = datasetCopy();
    const elsewhere = join(scratch(), "rating.csv");
    renameSync(join(d, "train/rating.csv"), elsewhere);
    symlinkSync(elsewhere, join(d, "train/rating.csv"));
    const r = await expectFailure({ args: ["validate", d], code: 1, match: /ds: 1 problem \(listed on stdout\)/ });
    assert.match(r.stdout, /ds\/train\/rating\.csv: is a symbolic link \(a dataset holds only regular files and folders\)/);
  });
});

describe("report reads a Parquet-only dataset", () => {
  it("writes the page, exit 0", async () => {
    const d = parquetCopy();
    assert.ok(!existsSync(join(d, "train/rating.csv")));
    const out = join(scratch(), "r.html");
    const r = await run(["report", d, "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(out, "utf8"), /<html/i);
  });
});
