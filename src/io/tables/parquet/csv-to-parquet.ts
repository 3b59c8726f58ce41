/**
 * `generate --format parquet|both`: each table of a finished dataset folder converted from its CSV
 * (streamed in chunks, gzip included) to NAME.parquet beside it, in row groups of a fixed number
 * of rows. The row groups depend only on the rows — not on blocks, workers or shards — so the
 * Parquet files are the same bytes however the CSV was produced, and both formats hold the same
 * values (the CSV's shortest round-trip decimals parse back to the same doubles).
 */
import { rmSync } from "node:fs";
import { forEachChunk, inputStream } from "../../fs/input.js";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { InputError } from "../../../errors/errors.js";
import { type LayoutTable, csvName, parquetName } from "../../../generate/dataset-layout.js";
import { tableParquetSchema } from "./layout-schema.js";
import type { ColumnValues } from "./table-schema.js";
import { openParquetTable } from "./table-writer.js";

/** Rows per row group: a few MB of column data per table in memory at most. */
export const ROW_GROUP_ROWS = 1 << 18;

/** Parses CSV lines into column buffers and writes a row group every ROW_GROUP_ROWS rows. */
class CsvColumns {
  private ints: Int32Array[] = [];
  private dbls: Float64Array[] = [];
  private lists: Int32Array[][] = [];
  private n = 0;
  private carry = "";
  private header = true;
  private readonly writer;
  constructor(
    readonly file: string,
    readonly table: LayoutTable,
    private readonly ratingType: "int" | "double",
  ) {
    const schema = tableParquetSchema(table).map((c) => (c.name === "rating" && ratingType === "double" ? { ...c, type: "double" as const } : c));
    this.writer = openParquetTable(file, schema);
    this.reset();
  }

  private kind(k: number): "int" | "double" | "intlist" {
    const c = this.table.columns[k]!;
    return c.name === "rating" ? this.ratingType : c.kind;
  }

  private reset(): void {
    const cols = this.table.columns;
    this.ints = cols.map(() => new Int32Array(ROW_GROUP_ROWS));
    this.dbls = cols.map((_, k) => (this.kind(k) === "double" ? new Float64Array(ROW_GROUP_ROWS) : new Float64Array(0)));
    this.lists = cols.map(() => []);
    this.n = 0;
  }

  private flush(): void {
    if (this.n === 0) return;
    const n = this.n;
    const columns: ColumnValues[] = this.table.columns.map((_, k) => {
      const kind = this.kind(k);
      if (kind === "double") return this.dbls[k]!.slice(0, n);
      if (kind === "intlist") return this.lists[k]!;
      return this.ints[k]!.slice(0, n);
    });
    this.writer.writeRowGroup(columns);
    this.reset();
  }

  private line(s: string): void {
    if (this.header) {
      this.header = false;
      return;
    }
    if (s === "") return;
    const cols = this.table.columns;
    let at = 0;
    for (let k = 0; k < cols.length; k++) {
      const kind = this.kind(k);
      if (kind === "intlist") {
        // movie.csv: the last column, a quoted comma list ("" for none)
        const body = s.slice(at).replace(/^"|"$/g, "");
        this.lists[k]!.push(body === "" ? new Int32Array(0) : Int32Array.from(body.split(","), Number));
        at = s.length;
        continue;
      }
      let end = s.indexOf(",", at);
      if (end < 0) end = s.length;
      const field = s.slice(at, end);
      at = end + 1;
      if (kind === "double") this.dbls[k]![this.n] = field === "" ? Number.NaN : Number(field);
      else this.ints[k]![this.n] = Number(field);
    }
    this.n++;
    if (this.n === ROW_GROUP_ROWS) this.flush();
  }

  chunk(text: string): void {
    const s = this.carry + text;
    let start = 0;
    for (let nl = s.indexOf("\n", start); nl >= 0; nl = s.indexOf("\n", start)) {
      this.line(s.slice(start, nl));
      start = nl + 1;
    }
    this.carry = s.slice(start);
  }

  close(): number {
    if (this.carry !== "") this.line(this.carry);
    this.flush();
    this.writer.close();
    return this.writer.rows;
  }

  abort(): void {
    this.writer.abort();
  }
}

/** Converts DIR's CSV of `table` to NAME.parquet; returns the rows written. */
export async function csvToParquet(dir: string, table: LayoutTable, ratingType: "int" | "double"): Promise<number> {
  const src = join(dir, csvName(table));
  const out = new CsvColumns(join(dir, parquetName(table)), table, ratingType);
  try {
    if (table.gzip === true) {
      for await (const piece of inputStream(src, "a gzipped CSV file").pipe(createGunzip({ chunkSize: 1 << 20 }))) out.chunk((piece as Buffer).toString("latin1"));
    } else {
      forEachChunk(src, "a CSV file", (bytes) => out.chunk(bytes.toString("latin1")));
    }
    return out.close();
  } catch (e) {
    out.abort();
    if (e instanceof Error && /NaN|not a number|invalid/i.test(e.message)) throw new InputError(`${src}: cannot be converted to Parquet (${e.message})`);
    throw e;
  }
}

/** Removes NAME.csv of a table (for `--format parquet`, once its Parquet is written). */
export function removeCsv(dir: string, table: LayoutTable): void {
  rmSync(join(dir, csvName(table)), { force: true });
}
