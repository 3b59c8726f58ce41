/**
 * Reading a dataset table whichever its format (src/io/tables/dataset-table.ts) and merging sorted tables
 * with a forward cursor (table-cursor.ts), on a hand-written folder: Parquet is found before CSV,
 * a missing table names both files, rows are placed as file:line (CSV) or file: row N (Parquet),
 * whole reads and block streams agree across block boundaries, and the cursor finds exactly the
 * keys present.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../../src/errors/errors.js";
import { layoutTable } from "../../../src/generate/dataset-layout.js";
import { findTable, locateTable, readTable, rowPlace, tableBlocks } from "../../../src/io/tables/dataset-table.js";
import { csvToParquet } from "../../../src/io/tables/parquet/csv-to-parquet.js";
import { PairCursor } from "../../../src/io/tables/table-cursor.js";
import { tempDir } from "../../helpers/paths.js";

/** Ratings of 3 users: (u, m, r) with m ∈ {u, u + 2, u + 4}, r = 1 + (u + m) mod 5, sorted by (u, m). */
const RATINGS = [0, 1, 2].flatMap((u) => [u, u + 2, u + 4].map((m) => [u, m, 1 + ((u + m) % 5)] as const));

function folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, "train"));
  writeFileSync(join(dir, "train/rating.csv"), `userid,movieid,rating\n${RATINGS.map((r) => r.join(",")).join("\n")}\n`);
  writeFileSync(join(dir, "train/movie.csv"), 'movieid,taglist\n0,"3,1"\n1,""\n2,"7"\n');
  return dir;
}

async function blocks(dir: string, name: string, columns: string[], size: number): Promise<Array<{ start: number; rows: number; cols: number[][] }>> {
  const out = [];
  for await (const b of tableBlocks(locateTable(dir, name), columns, size)) out.push({ start: b.start, rows: b.rows, cols: b.cols.map((c) => Array.from(c as Int32Array)) });
  return out;
}

test("findTable / locateTable: CSV when alone, Parquet first when both, a missing table names both names", async () => {
  const dir = folder();
  assert.equal(findTable(dir, "train/rating")?.format, "csv");
  assert.equal(findTable(dir, "train/obstag"), undefined);
  assert.throws(
    () => locateTable(dir, "train/obstag"),
    (e: unknown) => e instanceof InputError && e.message === `${join(dir, "train/obstag.csv")}: file not found (nor train/obstag.parquet; expected a dataset folder in the CTAR layout)`,
  );
  await csvToParquet(dir, layoutTable("train/rating"), "int");
  const loc = findTable(dir, "train/rating")!;
  assert.equal(loc.format, "parquet");
  assert.equal(loc.relative, "train/rating.parquet");
  assert.equal(rowPlace(loc, 0), `${loc.file}: row 1`);
  const csv = { ...loc, format: "csv" as const, file: join(dir, "train/rating.csv") };
  assert.equal(rowPlace(csv, 0), `${csv.file}:2`); // line 1 is the header
});

test("readTable: the same columns from CSV and from Parquet; int lists from movie.csv", async () => {
  const dir = folder();
  const fromCsv = readTable(locateTable(dir, "train/rating"), ["rating", "userid"]);
  assert.equal(fromCsv.rows, RATINGS.length);
  assert.deepEqual(Array.from(fromCsv.cols[0] as Int32Array), RATINGS.map((r) => r[2]));
  assert.deepEqual(Array.from(fromCsv.cols[1] as Int32Array), RATINGS.map((r) => r[0]));
  await csvToParquet(dir, layoutTable("train/rating"), "int");
  const fromParquet = readTable(locateTable(dir, "train/rating"), ["rating", "userid"]);
  assert.deepEqual(fromParquet.cols.map((c) => Array.from(c as Int32Array)), fromCsv.cols.map((c) => Array.from(c as Int32Array)));
  const movies = readTable(locateTable(dir, "train/movie"), ["taglist"]);
  assert.deepEqual((movies.cols[0] as Int32Array[]).map((l) => Array.from(l)), [[3, 1], [], [7]]);
});

test("tableBlocks: blocks of the size asked, numbered from the first data row, together the whole table", async () => {
  const dir = folder();
  const got = await blocks(dir, "train/rating", ["userid", "movieid"], 4);
  assert.deepEqual(got.map((b) => [b.start, b.rows]), [[0, 4], [4, 4], [8, 1]]);
  assert.deepEqual(got.flatMap((b) => b.cols[1]!), RATINGS.map((r) => r[1]));
  writeFileSync(join(dir, "train/rating.csv"), "userid,movieid,rating\n0,1,3\n0,x,2\n");
  await assert.rejects(blocks(dir, "train/rating", ["movieid"], 4), (e: unknown) => e instanceof InputError && /rating\.csv:3: column 'movieid' is not an integer \(got 'x'\)/.test(e.message));
});

test("PairCursor: seek finds each present (user, movie) in order, reports absent keys, and reads the row", async () => {
  const dir = folder();
  const cursor = PairCursor.open(locateTable(dir, "train/rating"), ["rating"]);
  // Every (u, m) with u < 3 and m < 7, in key order: present exactly for the rows of RATINGS.
  const present = new Map(RATINGS.map(([u, m, r]) => [`${u},${m}`, r]));
  for (let u = 0; u < 3; u++) {
    for (let m = 0; m < 7; m++) {
      const found = await cursor.seek(u, m);
      assert.equal(found, present.has(`${u},${m}`), `(${u}, ${m})`);
      if (found) assert.equal(cursor.value(2), present.get(`${u},${m}`));
    }
  }
  assert.equal(await cursor.seek(5, 0), false); // past the end
  assert.equal(await cursor.seek(6, 0), false);
  await cursor.close();
});
