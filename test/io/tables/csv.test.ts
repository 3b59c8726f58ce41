/**
 * The CSV reader and writer (src/io/tables/csv.ts, csv-writer.ts) and the bounded read under them
 * (bounded-read.ts), on small files written here: quoting, line endings, byte-order mark, header
 * order, blank lines, field counts, strict numbers, growth of the column buffers, the writer's
 * flush, and the refusals of the bounded read (missing file, folder, FIFO, over the cap).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, InputError } from "../../../src/errors/errors.js";
import { readBoundedBytes, readBoundedText } from "../../../src/io/fs/bounded-read.js";
import { forEachCsvRow, parseIntField, parseNumberField, readIntColumns, splitCsvLine } from "../../../src/io/tables/csv.js";
import { CsvWriter } from "../../../src/io/tables/csv-writer.js";
import { tempDir } from "../../helpers/paths.js";

/** Asserts that `f` throws an InputError whose message matches `re`. */
function throwsInput(f: () => unknown, re: RegExp): void {
  assert.throws(f, (e: unknown) => e instanceof InputError && re.test(e.message) && !e.message.includes("\n"));
}

function rows(text: string, required: readonly string[]): Array<[string[], number]> {
  const out: Array<[string[], number]> = [];
  forEachCsvRow(text, "f.csv", required, (fields, line) => out.push([[...fields], line]));
  return out;
}

test("splitCsvLine: plain fields, quoted fields with commas and doubled quotes, empty fields", () => {
  assert.deepEqual(splitCsvLine("1,2,3", "f", 1), ["1", "2", "3"]);
  assert.deepEqual(splitCsvLine('7,"1,2,3"', "f", 1), ["7", "1,2,3"]);
  assert.deepEqual(splitCsvLine('"a ""b"" c",x', "f", 1), ['a "b" c', "x"]);
  assert.deepEqual(splitCsvLine(',"",', "f", 1), ["", "", ""]);
  assert.deepEqual(splitCsvLine('""', "f", 1), [""]);
  throwsInput(() => splitCsvLine('1,"2', "f.csv", 4), /^f\.csv:4: unterminated quoted field$/);
  throwsInput(() => splitCsvLine('"2"x,3', "f.csv", 5), /^f\.csv:5: expected ',' after a quoted field \(got 'x'\)$/);
});

test("forEachCsvRow: columns picked by name in the order asked, CRLF, trailing blank lines, line numbers", () => {
  const text = "b,a,c\r\n1,2,3\r\n4,5,6\r\n\r\n\n";
  assert.deepEqual(rows(text, ["a", "c"]), [[["2", "3"], 2], [["5", "6"], 3]]);
  assert.deepEqual(rows(" a , b \n1,2\n", ["b"]), [[["2"], 2]]); // header names are trimmed
  assert.deepEqual(rows("a\n", ["a"]), []); // a header alone: no rows
});

test("forEachCsvRow: each malformed input is one InputError naming file:line", () => {
  throwsInput(() => rows("", ["a"]), /^f\.csv: empty file \(expected a header: a\)$/);
  throwsInput(() => rows(" \n\n", ["a"]), /^f\.csv: empty file/);
  throwsInput(() => rows("a,b\n1,2\n", ["a", "z", "y"]), /^f\.csv:1: missing columns 'z', 'y' \(header is 'a,b', expected columns a,z,y\)$/);
  throwsInput(() => rows("a,b\n1,2\n\n3,4\n", ["a"]), /^f\.csv:3: blank line inside the data$/);
  throwsInput(() => rows("a,b\n1,2\n3\n", ["a"]), /^f\.csv:3: 1 fields \(expected 2, as in the header\)$/);
});

test("parseIntField and parseNumberField are strict and name the column", () => {
  assert.equal(parseIntField(" -12 ", "f", 2, "x"), -12);
  for (const bad of ["1.5", "", "1e3", "0x10", "+"]) throwsInput(() => parseIntField(bad, "f.csv", 2, "x"), /^f\.csv:2: column 'x' is not an integer/);
  throwsInput(() => parseIntField("9007199254740993", "f.csv", 3, "x"), /^f\.csv:3: column 'x' is out of range/);
  assert.equal(parseNumberField("2.5e-1", "f", 2, "r"), 0.25);
  for (const bad of ["", "abc", "Infinity", "NaN"]) throwsInput(() => parseNumberField(bad, "f.csv", 2, "r"), /^f\.csv:2: column 'r' is not a number/);
});

test("readIntColumns: a byte-order mark is dropped, buffers grow past their first size, int32 bounds are enforced", () => {
  const dir = tempDir();
  const file = join(dir, "t.csv");
  // 5,000 short rows: more than the first buffer (max(16, bytes / 8) ≈ 3,600 rows), so it grows.
  const n = 5000;
  const lines = Array.from({ length: n }, (_, i) => `${i},${-i}`);
  writeFileSync(file, `\ufeffu,v\n${lines.join("\n")}\n`);
  const r = readIntColumns(file, ["v", "u"]);
  assert.equal(r.rows, n);
  assert.equal(r.cols[0]!.length, n);
  assert.equal(r.cols[1]![n - 1], n - 1);
  assert.equal(r.cols[0]![n - 1], -(n - 1));
  writeFileSync(file, "u\n2147483647\n-2147483648\n");
  assert.deepEqual(Array.from(readIntColumns(file, ["u"]).cols[0]!), [2147483647, -2147483648]);
  writeFileSync(file, "u\n1\n2147483648\n");
  throwsInput(() => readIntColumns(file, ["u"]), /t\.csv:3: column 'u' is out of range \(got '2147483648'\)$/);
});

test("CsvWriter: header or none, lines in order, output past the 1 MiB flush is complete", () => {
  const dir = tempDir();
  const a = join(dir, "a.csv");
  const w = new CsvWriter(a, "x,y");
  const n = 200_000; // about 2.5 MB of text: several flushes
  for (let i = 0; i < n; i++) w.line(`${i},${i % 7}`);
  w.close();
  const expected = `x,y\n${Array.from({ length: n }, (_, i) => `${i},${i % 7}\n`).join("")}`;
  assert.equal(readFileSync(a, "utf8"), expected);
  const b = join(dir, "b.uir");
  const nh = new CsvWriter(b, null);
  nh.line("1 2 3");
  nh.close();
  assert.equal(readFileSync(b, "utf8"), "1 2 3\n");
  const empty = join(dir, "c.csv");
  new CsvWriter(empty, null).close();
  assert.equal(readFileSync(empty, "utf8"), "");
});

test("readBounded*: the bytes, a byte-order mark dropped from the text, the cap inclusive", () => {
  const dir = tempDir();
  const f = join(dir, "x.txt");
  writeFileSync(f, "\ufeffhello");
  assert.equal(readBoundedBytes(f, 8, "a file").length, 8); // 3 bytes of BOM + 5
  assert.equal(readBoundedText(f, 8, "a file"), "hello");
  throwsInput(() => readBoundedBytes(f, 7, "a small file"), /x\.txt: 8 bytes, more than the 7 bytes a small file may have$/);
  writeFileSync(f, "");
  assert.equal(readBoundedText(f, 0, "a file"), "");
});

test("readBounded*: a missing file, a folder and a FIFO are refused by class, with one line naming the path", () => {
  const dir = tempDir();
  throwsInput(() => readBoundedText(join(dir, "nope.yaml"), 100, "a graph file"), /nope\.yaml: file not found \(expected a graph file\)$/);
  mkdirSync(join(dir, "sub"));
  throwsInput(() => readBoundedText(join(dir, "sub"), 100, "a graph file"), /sub: is a folder \(expected a graph file\)$/);
  assert.throws(() => readBoundedText(join(dir, "nope.json"), 100, "a configuration", ConfigError), (e: unknown) => e instanceof ConfigError && /file not found/.test((e as Error).message));
  const fifo = join(dir, "pipe");
  const made = spawnSync("mkfifo", [fifo]);
  if (made.status === 0) throwsInput(() => readBoundedText(fifo, 100, "a CSV file"), /pipe: not a regular file \(expected a CSV file; FIFOs, devices and sockets are refused\)$/);
  const big = join(dir, "big.csv");
  writeFileSync(big, Buffer.alloc(3 << 20, 0x31));
  throwsInput(() => readBoundedBytes(big, 2 << 20, "a CSV file"), /big\.csv: 3 MiB, more than the 2 MiB a CSV file may have$/);
});
