/**
 * The streaming CSV reader (src/io/tables/csv-stream.ts) gives the rows, line numbers and errors of the
 * whole-file reader (csv.ts) on the same files — also when lines and multi-byte characters straddle
 * the 64 KiB chunks of the stream, and through gzip.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { InputError } from "../../../src/errors/errors.js";
import { forEachCsvRow, readText } from "../../../src/io/tables/csv.js";
import { csvRowStream } from "../../../src/io/tables/csv-stream.js";
import { tempDir } from "../../helpers/paths.js";

async function streamed(file: string, required: readonly string[], gzip = false): Promise<Array<[string[], number]>> {
  const out: Array<[string[], number]> = [];
  for await (const batch of csvRowStream(file, required, gzip)) for (const r of batch) out.push([[...r.fields], r.line]);
  return out;
}

function whole(file: string, required: readonly string[]): Array<[string[], number]> {
  const out: Array<[string[], number]> = [];
  forEachCsvRow(readText(file), file, required, (f, line) => out.push([[...f], line]));
  return out;
}

/** A message of the InputError `f` throws (or rejects with). */
async function messageOf(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e.message;
  }
  return assert.fail("no error");
}

test("csvRowStream: the rows of the whole-file reader across chunk boundaries, CRLF, BOM, quotes and UTF-8", async () => {
  const dir = tempDir();
  const file = join(dir, "t.csv");
  // ~300 KB: several 64 KiB chunks; 'é' and '→' (2 and 3 bytes) put multi-byte characters at every offset.
  const lines = Array.from({ length: 12_000 }, (_, i) => `${i},"é→${"x".repeat(i % 7)},${i % 3}",${-i}`);
  const text = `\ufeffid,note,v\r\n${lines.join("\r\n")}\r\n\r\n`;
  writeFileSync(file, text);
  const a = await streamed(file, ["v", "note"]);
  assert.equal(a.length, 12_000);
  assert.deepEqual(a, whole(file, ["v", "note"]));
  assert.deepEqual(a[5], [["-5", "é→xxxxx,2"], 7]);
  const gz = join(dir, "t.csv.gz");
  writeFileSync(gz, gzipSync(text));
  assert.deepEqual(await streamed(gz, ["v", "note"], true), a);
  writeFileSync(file, "id,v\n1,2"); // no final newline
  assert.deepEqual(await streamed(file, ["v"]), [[["2"], 2]]);
});

test("csvRowStream: the whole-file reader's errors, and the one reader's for unreadable files", async () => {
  const dir = tempDir();
  const file = join(dir, "bad.csv");
  for (const text of ["id,v\n1,2\n\n3,4\n", "id,v\n1,2\n3\n", "a,b\n1,2\n", "", "id,v\n1,\"2\n"]) {
    writeFileSync(file, text);
    const expected = await messageOf(() => whole(file, ["id", "v"]));
    assert.equal(await messageOf(() => streamed(file, ["id", "v"])), expected, JSON.stringify(text));
  }
  assert.match(await messageOf(() => streamed(join(dir, "nope.csv"), ["id"])), /nope\.csv: file not found \(expected a CSV file\)$/);
  assert.match(await messageOf(() => streamed(dir, ["id"])), /: is a folder \(expected a CSV file\)$/);
  writeFileSync(file, "not gzip at all");
  assert.match(await messageOf(() => streamed(file, ["id"], true)), /^.*bad\.csv: cannot read the file \(/);
});
