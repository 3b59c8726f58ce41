/**
 * Hostile Parquet footers: the footer is checked against caps and against the file before
 * anything is sized by it (src/io/tables/parquet/table-reader.ts, FOOTER_CAPS) — its length, the number
 * of row groups, the rows each declares, the bytes its column chunks claim (chunks do not
 * overlap, so together they fit in the file) and the row total. The files are built from a
 * valid table of the Parquet fixture by rewriting its footer (hyparquet's reader and
 * hyparquet-writer's footer writer). Every case: one line naming the file, exit 3, fast, and
 * no JavaScript error text in the message.
 */
import assert from "node:assert/strict";
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { parquetMetadata, type FileMetaData } from "hyparquet";
import { ByteWriter } from "hyparquet-writer";
import { writeMetadata } from "hyparquet-writer/src/metadata.js";
import { expectFailure } from "./harness.js";
import { parquetCopy, parquetDataset } from "./fixtures.js";

const TABLE = "train/rating.parquet";

/** The valid table's bytes with its footer replaced by `edit(footer)`. */
function withFooter(edit: (m: FileMetaData) => FileMetaData): Buffer {
  const src = readFileSync(join(parquetDataset(), TABLE));
  const metaLength = src.readUInt32LE(src.length - 8);
  const meta = parquetMetadata(src.buffer.slice(src.byteOffset, src.byteOffset + src.length));
  const w = new ByteWriter();
  writeMetadata(w, edit(meta));
  const footer = new Uint8Array(w.getBuffer());
  const tail = Buffer.alloc(8);
  tail.writeUInt32LE(footer.length, 0);
  tail.write("PAR1", 4, "latin1");
  return Buffer.concat([src.subarray(0, src.length - 8 - metaLength), footer, tail]);
}

/** A footer listing `copies` times the table's one row group (all pointing at the same chunks). */
function repeatedGroups(copies: number): Buffer {
  return withFooter((m) => {
    const rg = m.row_groups[0]!;
    return { ...m, row_groups: Array.from({ length: copies }, () => rg), num_rows: BigInt(Number(rg.num_rows) * copies) };
  });
}

let manyGroups: Buffer | undefined;
const FILES: Record<string, () => Buffer> = {
  // the file: 200,000 copies of one row group; 20,000 copies (a 4 MB footer) is enough to pass the byte cap and hit the count cap
  "20,000 row groups": () => (manyGroups ??= repeatedGroups(20_000)),
  "one row group listed three times (chunks claimed more than once)": () => repeatedGroups(3),
  "a row total of 241 million over 40 rows": () => withFooter((m) => ({ ...m, num_rows: 241_000_000n })),
  "a row group declaring 2^30 rows": () => withFooter((m) => ({ ...m, num_rows: 1n << 30n, row_groups: [{ ...m.row_groups[0]!, num_rows: 1n << 30n }] })),
  "a footer that does not decode": () => Buffer.concat([Buffer.from("PAR1"), Buffer.from("garbage bytes, not thrift", "latin1"), Buffer.from([25, 0, 0, 0]), Buffer.from("PAR1")]),
};
const MATCH: Record<string, RegExp> = {
  "20,000 row groups": /the Parquet footer lists 20000 row groups, more than the 16384 ctar reads/,
  "one row group listed three times (chunks claimed more than once)": /corrupt Parquet footer \(its column chunks claim \d+ bytes, the file holds \d+; chunks listed more than once\?\)/,
  "a row total of 241 million over 40 rows": /corrupt Parquet footer \(it declares 241000000 rows, its row groups hold \d+\)/,
  "a row group declaring 2^30 rows": /corrupt Parquet footer \(row group 1 declares 1073741824 rows; expected 0\.\.16777216\)/,
  "a footer that does not decode": /corrupt Parquet footer \(the bytes do not decode as Parquet\)/,
};

const READERS: Record<string, (d: string) => string[]> = {
  stats: (d) => ["stats", d],
  ope: (d) => ["ope", d, "--policy", "popularity"],
  bench: (d) => ["bench", d, "--runs", "1", "--epochs", "1", "--models", "mf", "--workers", "1"],
  report: (d) => ["report", d, "--out", join(d, "..", "r.html")],
};

describe("hostile Parquet footers", { concurrency: 4 }, () => {
  for (const [name, make] of Object.entries(FILES)) {
    for (const [reader, args] of Object.entries(READERS)) {
      it(`${reader}: ${name}`, async () => {
        const d = parquetCopy();
        writeFileSync(join(d, TABLE), make());
        const r = await expectFailure({ args: args(d), code: 3, match: new RegExp(`pq/train/rating\\.parquet: ${MATCH[name]!.source}`), absent: [join(d, "..", "r.html")], options: { timeoutMs: 60_000 } });
        assert.doesNotMatch(r.stderr, /TypeError|RangeError|Cannot read|undefined/);
      });
    }
  }
  it("export: a 40 MiB footer (the size field read first; nothing allocated for it)", async () => {
    const d = parquetCopy();
    const f = join(d, TABLE);
    const big = 40 << 20;
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(big, 0);
    tail.write("PAR1", 4, "latin1");
    writeFileSync(f, "PAR1");
    truncateSync(f, big + 4); // sparse: the footer's bytes are never read
    writeFileSync(f, tail, { flag: "a" });
    const out = join(d, "..", "exp");
    await expectFailure({ args: ["export", d, "--to", "cornac", "--out", out], code: 3, match: /rating\.parquet: a Parquet footer of 41943040 bytes, more than the 4194304 ctar reads/, absent: [out], clean: [join(d, "..")], options: { timeoutMs: 60_000 } });
  });
});
