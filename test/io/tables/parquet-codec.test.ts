/**
 * The Parquet codec: tables written row group by row group by ctar's writer (hyparquet-writer)
 * read back exactly by ctar's reader (hyparquet's decoder) and by an independent implementation
 * (parquet-wasm, the Rust `parquet` crate compiled to WebAssembly, through apache-arrow); broken
 * files give one InputError naming the file.
 */
import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import * as arrow from "apache-arrow";
import * as pw from "parquet-wasm/node";
import { InputError } from "../../../src/errors/errors.js";
import type { ColumnValues, TableSchema } from "../../../src/io/tables/parquet/table-schema.js";
import { openParquetTableReader, readParquetColumns } from "../../../src/io/tables/parquet/table-reader.js";
import { openParquetTable } from "../../../src/io/tables/parquet/table-writer.js";
import { tempDir } from "../../helpers/paths.js";

const SCHEMA: TableSchema = [
  { name: "userid", type: "int32" },
  { name: "count", type: "int64" },
  { name: "p", type: "double" },
  { name: "name", type: "string" },
  { name: "taglist", type: "list<int32>" },
];

/** A deterministic block of rows: row r of the whole table has values derived from r alone. */
function block(from: number, n: number): ColumnValues[] {
  const ids = new Int32Array(n);
  const counts = new BigInt64Array(n);
  const p = new Float64Array(n);
  const names: string[] = [];
  const lists: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const r = from + i;
    ids[i] = r % 7 === 0 ? -r : r; // negative ids too (tag −1 rows)
    counts[i] = BigInt(r) * 3_000_000_000n; // beyond int32
    p[i] = r === 0 ? 0 : 1 / (r + 0.5);
    names.push(`row ${r} é`);
    lists.push(Int32Array.from({ length: r % 5 }, (_, k) => r * 10 + k)); // includes empty lists
  }
  return [ids, counts, p, names, lists];
}

function writeTable(file: string, sizes: readonly number[]): ColumnValues[][] {
  const w = openParquetTable(file, SCHEMA);
  const blocks: ColumnValues[][] = [];
  let from = 0;
  for (const n of sizes) {
    const b = block(from, n);
    w.writeRowGroup(b);
    blocks.push(b);
    from += n;
  }
  w.close();
  return blocks;
}

test("each row group is flushed to disk as it is written (nothing held back)", () => {
  const file = join(tempDir(), "t.parquet");
  const w = openParquetTable(file, SCHEMA);
  const sizes: number[] = [statSync(file).size];
  for (let g = 0; g < 3; g++) {
    w.writeRowGroup(block(g * 500, 500));
    sizes.push(statSync(file).size);
  }
  w.close();
  for (let g = 1; g < sizes.length; g++) assert.ok(sizes[g]! > sizes[g - 1]!, `file did not grow after row group ${g}: ${sizes.join(", ")}`);
});

test("ctar's reader returns every row group exactly as written", () => {
  const file = join(tempDir(), "t.parquet");
  const blocks = writeTable(file, [1000, 1, 333]);
  const t = openParquetTableReader(file);
  assert.equal(t.rowGroups, 3);
  assert.equal(t.rows, 1334);
  assert.deepEqual(t.columns.map((c) => `${c.name}:${c.type}`), SCHEMA.map((c) => `${c.name}:${c.type}`));
  for (let g = 0; g < 3; g++) assert.deepEqual(t.readRowGroup(g, SCHEMA.map((c) => c.name)), blocks[g]);
  t.close();
  const all = readParquetColumns(file, [SCHEMA[4]!, SCHEMA[0]!]);
  assert.equal(all.rows, 1334);
  assert.deepEqual(all.cols[1], block(0, 1334)[0]);
  assert.deepEqual(all.cols[0], block(0, 1334)[4]);
});

test("an independent reader (parquet-wasm, Rust parquet) reads the same types and values", () => {
  const file = join(tempDir(), "t.parquet");
  writeTable(file, [700, 300]);
  const table = arrow.tableFromIPC(pw.readParquet(readFileSync(file)).intoIPCStream());
  assert.deepEqual(
    table.schema.fields.map((f) => `${f.name}:${String(f.type)}`),
    ["userid:Int32", "count:Int64", "p:Float64", "name:Utf8", "taglist:List<Int32>"],
  );
  const expected = block(0, 1000);
  assert.equal(table.numRows, 1000);
  assert.deepEqual(Int32Array.from(table.getChild("userid")!.toArray() as Int32Array), expected[0]);
  assert.deepEqual(BigInt64Array.from(table.getChild("count")!.toArray() as BigInt64Array), expected[1]);
  assert.deepEqual(Float64Array.from(table.getChild("p")!.toArray() as Float64Array), expected[2]);
  assert.deepEqual([...table.getChild("name")!], expected[3]);
  const lists = [...table.getChild("taglist")!].map((v) => Int32Array.from((v as { toArray(): Int32Array }).toArray()));
  assert.deepEqual(lists, expected[4]);
});

function expectInputError(file: string, pattern: RegExp) {
  assert.throws(() => openParquetTableReader(file), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.ok(e.message.startsWith(file), e.message);
    assert.match(e.message, pattern);
    return true;
  });
}

test("files that are not Parquet, truncated or corrupt give one InputError naming the file", () => {
  const dir = tempDir();
  const good = join(dir, "good.parquet");
  writeTable(good, [200, 200]);
  const bytes = readFileSync(good);
  const csv = join(dir, "csv.parquet");
  writeFileSync(csv, "userid,movieid,rating\n0,1,4\n");
  expectInputError(csv, /not a Parquet file/);
  const empty = join(dir, "empty.parquet");
  writeFileSync(empty, "");
  expectInputError(empty, /not a Parquet file \(0 bytes/);
  for (const cut of [1, 8, bytes.length >> 1, bytes.length - 13]) {
    const f = join(dir, `cut-${cut}.parquet`);
    writeFileSync(f, bytes.subarray(0, bytes.length - cut));
    expectInputError(f, /truncated or corrupt/);
  }
  // a footer whose length field points past the data
  const lying = Buffer.from(bytes);
  lying.writeUInt32LE(bytes.length, bytes.length - 8);
  const f = join(dir, "lying.parquet");
  writeFileSync(f, lying);
  expectInputError(f, /truncated or corrupt Parquet file \(footer of/);
  assert.throws(() => openParquetTableReader(join(dir, "absent.parquet")), InputError);
});

test("a column of another type, or a missing column, is refused by name", () => {
  const file = join(tempDir(), "t.parquet");
  writeTable(file, [10]);
  assert.throws(() => readParquetColumns(file, [{ name: "p", type: "int32" }]), /column 'p' has type double \(expected int32\)/);
  assert.throws(() => readParquetColumns(file, [{ name: "rating", type: "int32" }]), /missing column 'rating'/);
});

test("files of another writer (parquet-wasm, nullable columns) are read; a missing value is refused by name", () => {
  const dir = tempDir();
  const write = (name: string, t: arrow.Table) => {
    const file = join(dir, `${name}.parquet`);
    writeFileSync(file, pw.writeParquet(pw.Table.fromIPCStream(arrow.tableToIPC(t, "stream"))));
    return file;
  };
  const lists = arrow.vectorFromArray([[1, 2], [], [3]], new arrow.List(new arrow.Field("element", new arrow.Int32(), true)));
  const good = write("good", new arrow.Table({ userid: arrow.vectorFromArray([1, 2, 3], new arrow.Int32()), p: arrow.vectorFromArray([0.5, 1, 2], new arrow.Float64()), taglist: lists }));
  const t = readParquetColumns(good, [{ name: "userid", type: "int32" }, { name: "p", type: "double" }, { name: "taglist", type: "list<int32>" }]);
  assert.deepEqual(t.cols, [Int32Array.of(1, 2, 3), Float64Array.of(0.5, 1, 2), [Int32Array.of(1, 2), Int32Array.of(), Int32Array.of(3)]]);
  const holes = write("holes", new arrow.Table({ userid: arrow.vectorFromArray([1, null, 3], new arrow.Int32()) }));
  assert.throws(() => readParquetColumns(holes, [{ name: "userid", type: "int32" }]), /holes\.parquet: column 'userid', row group 1: null value in row 2 of the row group/);
});
