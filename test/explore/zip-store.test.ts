/**
 * The browser page's zip writer, checked by an independent reader: Python's zipfile module
 * (testzip() verifies every CRC) lists the same names and reads the same bytes back; CRC-32 is
 * checked against the standard check value and against zlib's.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { crc32 as zlibCrc32 } from "node:zlib";
import { crc32, zipStore } from "../../src/explore/zip-store.js";
import { tempDir } from "../helpers/paths.js";

const PYTHON = "/usr/bin/python3";

test("crc32: the check value of '123456789' is 0xCBF43926, and zlib agrees on other bytes", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
  const b = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
  if (typeof zlibCrc32 === "function") assert.equal(crc32(b), zlibCrc32(b));
});

test("Python's zipfile reads every file back, byte for byte, with valid CRCs", { skip: existsSync(PYTHON) ? undefined : `needs ${PYTHON}` }, () => {
  const dir = tempDir("ctar-zip-");
  try {
    const files = new Map<string, Uint8Array>([
      ["train/rating.csv", new TextEncoder().encode("userid,movieid,rating\n0,1,4\n")],
      ["empty.txt", new Uint8Array(0)],
      ["naïve/é.json", new TextEncoder().encode('{"a": 1}\n')],
      ["binary.bin", Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + (i >> 8)) & 255)],
    ]);
    const zip = join(dir, "a.zip");
    writeFileSync(zip, zipStore(files));
    const script = [
      "import sys, zipfile, json, hashlib",
      "z = zipfile.ZipFile(sys.argv[1])",
      "assert z.testzip() is None",
      "print(json.dumps([[i.filename, i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()]))",
    ].join("\n");
    const r = spawnSync(PYTHON, ["-c", script, zip], { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const got = JSON.parse(r.stdout) as [string, number, number, string][];
    assert.deepEqual(
      got,
      [...files].map(([n, b]) => [n, 0, b.length, createHash("sha256").update(b).digest("hex")]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an empty archive is the 22-byte end record alone", () => {
  const z = zipStore(new Map());
  assert.equal(z.length, 22);
  assert.deepEqual([...z.subarray(0, 4)], [0x50, 0x4b, 0x05, 0x06]);
});
