/**
 * The C reference of `npm run bench` does ctar's per-pair work: run on the world of a default
 * dataset, it draws the same liked tags, ratings and observational tags, so its rows equal ctar's
 * files byte for byte. Skipped with the reason when gcc is absent.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { cReferenceRows, compileCReference } from "../../bench/c-reference.js";
import { ctar, tempDir } from "../helpers/paths.js";

const reference = compileCReference();

test("the C reference draws ctar's rows byte for byte (default parameters, 1,000 users × 1,000 movies)", { skip: reference.skipped }, () => {
  const out = join(tempDir(), "ds");
  const run = ctar(["generate", "--out", out, "--quiet"]);
  assert.equal(run.status, 0, run.stderr);
  const rows = cReferenceRows(reference.binary!, out, 1000);
  for (const file of ["truth/liked_tags.csv", "train/rating.csv", "train/obstag.csv"]) {
    const ctarRows = readFileSync(join(out, file), "utf8").split("\n").slice(1).join("\n");
    assert.ok(ctarRows.length > 1000, `${file} has rows`);
    assert.equal(rows[file], ctarRows, `${file}: the C reference's rows differ from ctar's`);
  }
});

test("the C reference is told apart from ctar when a parameter differs (the comparison can fail)", { skip: reference.skipped }, () => {
  const out = join(tempDir(), "ds");
  const run = ctar(["generate", "--out", out, "--quiet", "--seed", "1"]);
  assert.equal(run.status, 0, run.stderr);
  const rows = cReferenceRows(reference.binary!, out, 1000);
  const ctarRows = readFileSync(join(out, "train/rating.csv"), "utf8").split("\n").slice(1).join("\n");
  assert.notEqual(rows["train/rating.csv"], ctarRows);
});
