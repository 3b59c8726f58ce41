/**
 * `ctar validate`: a generated folder (with its card and croissant.json) is valid, in CSV and in
 * Parquet; every file changed by one byte, truncated by one line or deleted is caught; and
 * changes that keep every checksum consistent (croissant.json rewritten) are still caught by the
 * dataset's invariants.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { InputError } from "../../src/errors/errors.js";
import { writeCard, writeCroissant } from "../../src/io/dataset/dataset-artifact.js";
import { validateDataset } from "../../src/io/dataset/validate-dataset.js";
import { cardedDataset, filesUnder } from "../helpers/carded-dataset.js";
import { ctar, tempDir } from "../helpers/paths.js";
import { convertToParquet } from "../helpers/parquet-dataset.js";

const SMALL = ["--users", "80", "--movies", "40", "--rct-users", "8", "--test2-draws", "80", "--test2-positives", "24", "--test3-draws", "60", "--test3-positives", "18"];

const dataset = () => cardedDataset(["--truth", "full", ...SMALL], "2026-01-02");
const files = filesUnder;

function expectInvalid(dir: string, what: string, pattern?: RegExp): void {
  const r = ctar(["validate", dir]);
  assert.notEqual(r.status, 0, `${what}: validate passed:\n${r.stdout}`);
  assert.equal(r.stderr.trim().split("\n").length, 1, `${what}: ${r.stderr}`);
  assert.match(r.stderr, /^ctar: /);
  if (pattern !== undefined) assert.match(r.stdout + r.stderr, pattern, what);
}

/** Changes one byte near the middle: a digit to another digit in text, a flipped bit otherwise. */
function changeOneByte(file: string): void {
  const b = readFileSync(file);
  let i = b.length >> 1;
  const isText = !file.endsWith(".gz") && !file.endsWith(".parquet");
  if (isText) {
    let k = i;
    while (k < b.length && !(b[k]! >= 0x30 && b[k]! <= 0x39)) k++;
    if (k === b.length) k = i;
    i = k;
    b[i] = b[i]! >= 0x30 && b[i]! <= 0x38 ? b[i]! + 1 : b[i] === 0x39 ? 0x30 : b[i]! ^ 1;
  } else b[i] = b[i]! ^ 0x10;
  writeFileSync(file, b);
}

/** Drops the last line (text), or the bytes after the last newline byte, or half (binary). */
function truncateOneLine(file: string): void {
  const b = readFileSync(file);
  const end = b[b.length - 1] === 0x0a ? b.length - 1 : b.length;
  const nl = b.lastIndexOf(0x0a, end - 1);
  writeFileSync(file, b.subarray(0, nl > 0 ? nl + 1 : b.length >> 1));
}

test("a generated folder with card and croissant.json is valid; a Parquet twin too", () => {
  const dir = dataset();
  const r = ctar(["validate", dir]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /is valid/);
  const pq = join(tempDir(), "pq");
  cpSync(dir, pq, { recursive: true });
  convertToParquet(pq, { groupRows: 50 });
  writeCard(pq, { date: "2026-01-02" });
  writeCroissant(pq);
  const p = ctar(["validate", pq]);
  assert.equal(p.status, 0, p.stdout + p.stderr);
});

test("CSV and Parquet twins of a table must hold the same values; ctar card writes what validate expects", () => {
  const dir = dataset();
  convertToParquet(dir, { keepCsv: true, groupRows: 30 });
  let r = ctar(["card", dir, "--date", "2026-01-02"]);
  assert.equal(r.status, 0, r.stderr);
  r = ctar(["validate", dir]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /28 table files/); // the 14 tables of the layout, in both formats
  rewrite(dir, "truth/tag.csv", (l) => {
    const f = l[1]!.split(",");
    f[2] = String(Number(f[2]) / 2); // a popularity: no range or invariant covers it
    l[1] = f.join(",");
  });
  expectInvalid(dir, "twins differ", /truth\/tag.parquet: holds other values than .*truth\/tag.csv/);
  r = ctar(["card", dir, "--date", "2026-02-30x"]);
  assert.equal(r.status, 2);
  r = ctar(["card", tempDir()]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /config\.json: file not found/);
});

test("a Parquet table truncated or not Parquet is named; nothing else is blamed on it", async () => {
  const dir = dataset();
  const pq = join(tempDir(), "pq");
  cpSync(dir, pq, { recursive: true });
  convertToParquet(pq, { groupRows: 50 });
  writeCard(pq, { date: "2026-01-02" });
  writeCroissant(pq);
  for (const f of files(pq).filter((x) => x.endsWith(".parquet"))) {
    for (const [name, damage] of [["one line", truncateOneLine], ["not Parquet", (x: string) => writeFileSync(x, "userid,tagid\n0,1\n")]] as const) {
      const copy = join(tempDir(), "pq");
      cpSync(pq, copy, { recursive: true });
      damage(join(copy, f));
      const r = await validateDataset(copy);
      assert.equal(r.valid, false, `${f} ${name}`);
      const lines = r.problems.lines();
      const pattern = name === "not Parquet" ? /not a Parquet file/ : /truncated or corrupt Parquet file|corrupt Parquet/;
      assert.ok(lines.some((l) => l.includes(f) && pattern.test(l)), `${f} ${name}: ${lines.join("\n")}`);
    }
  }
});

test("every file changed by one byte, truncated by one line, or deleted is caught", async () => {
  const dir = dataset();
  const all = files(dir);
  assert.ok(all.length >= 17, all.join(" "));
  for (const f of all) {
    for (const [name, damage] of [["one byte", changeOneByte], ["one line", truncateOneLine], ["deleted", (x: string) => rmSync(x)]] as const) {
      const copy = join(tempDir(), "ds");
      cpSync(dir, copy, { recursive: true });
      damage(join(copy, f));
      // in-process (the CLI path is tested above and below): not valid, or not a dataset at all
      const verdict = await validateDataset(copy).then(
        (r) => (r.valid ? "valid" : "invalid"),
        (e: unknown) => (e instanceof InputError ? "not a dataset" : String(e)),
      );
      assert.ok(verdict === "invalid" || (verdict === "not a dataset" && f === "config.json"), `${f} ${name}: ${verdict}`);
    }
  }
  expectInvalid((() => {
    const copy = join(tempDir(), "ds");
    cpSync(dir, copy, { recursive: true });
    changeOneByte(join(copy, "train/rating.csv"));
    return copy;
  })(), "rating.csv one byte", /train\/rating.csv: SHA-256 [0-9a-f]{64} differs from croissant.json's/);
});

function rewrite(dir: string, file: string, edit: (lines: string[]) => void): void {
  const p = join(dir, file);
  const lines = readFileSync(p, "utf8").split("\n");
  edit(lines);
  writeFileSync(p, lines.join("\n"));
  writeCard(dir, { date: "2026-01-02" });
  writeCroissant(dir);
}

test("changes behind consistent checksums are caught by the invariants", () => {
  const base = dataset();
  const copy = () => {
    const d = join(tempDir(), "ds");
    cpSync(base, d, { recursive: true });
    return d;
  };
  let d = copy();
  rewrite(d, "train/rating.csv", (l) => {
    const [u, m, r] = l[1]!.split(",");
    l[1] = `${u},${m},${r === "5" ? 4 : Number(r) + 1}`;
  });
  expectInvalid(d, "a changed rating", /rating.csv:2: observed rating \d differs from the potential outcome/);
  d = copy();
  rewrite(d, "test/test_2.csv", (l) => {
    const [u, t, y] = l[1]!.split(",");
    l[1] = `${u},${t},${y === "1" ? 0 : 1}`;
  });
  expectInvalid(d, "a flipped label", /test_2.csv:2: islike \d for \(user \d+, tag \d+\), but τ′ = \d/);
  d = copy();
  rewrite(d, "train/obstag.csv", (l) => l.splice(2, 1));
  expectInvalid(d, "a dropped row", /obstag.csv: \d+ rows \(config.json records \d+\)/);
  d = copy();
  rewrite(d, "test/test_3.csv", (l) => {
    l[1] = `${l[1]!.split(",")[0]},100000,0`;
  });
  expectInvalid(d, "an id out of range", /test_3.csv:2: tagid 100000 out of range/);
  d = copy();
  // a Test II row given a tag that is on none of the user's rated movies
  const [u2] = readFileSync(join(base, "test/test_2.csv"), "utf8").split("\n")[1]!.split(",");
  const ratedMovies = new Set(readFileSync(join(base, "train/rating.csv"), "utf8").trim().split("\n").slice(1).filter((x) => x.split(",")[0] === u2).map((x) => x.split(",")[1]));
  const movieLines = readFileSync(join(base, "train/movie.csv"), "utf8").trim().split("\n").slice(1);
  const tagsOf = (line: string) => line.slice(line.indexOf('"') + 1, -1).split(",");
  const shown = new Set(movieLines.filter((x) => ratedMovies.has(x.split(",")[0])).flatMap(tagsOf));
  const unshown = movieLines.flatMap(tagsOf).find((t) => !shown.has(t));
  assert.ok(unshown !== undefined);
  rewrite(d, "test/test_2.csv", (l) => {
    l[1] = `${u2},${unshown},0`;
  });
  expectInvalid(d, "a Test II pair from no rated movie", /test_2.csv:2: \(user \d+, tag \d+\) is in Test II, but the tag is on none of the movies the user rated/);
  d = copy();
  // and a Test III row given a tag the user saw on a rated movie
  rewrite(d, "test/test_3.csv", (l) => {
    l[1] = `${u2},${[...shown][0]},0`;
  });
  expectInvalid(d, "a Test III pair from a rated movie", /test_3.csv:2: \(user \d+, tag \d+\) is in Test III, but the tag is on a movie the user rated/);
});

test("a folder that is not a dataset is one clear message with exit 3", () => {
  const empty = tempDir();
  const r = ctar(["validate", empty]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^ctar: .*config\.json: file not found \(expected a dataset folder written by 'ctar generate'\)\n$/);
  const missing = ctar(["validate", join(empty, "nope")]);
  assert.equal(missing.status, 3);
  mkdirSync(join(empty, "x"));
  writeFileSync(join(empty, "x", "config.json"), "{");
  assert.match(ctar(["validate", join(empty, "x")]).stderr, /config\.json: not valid JSON/);
});
