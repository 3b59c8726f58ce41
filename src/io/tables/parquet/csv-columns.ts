/**
 * A table's CSV text (ctar's own stream format, in chunks) parsed into column buffers, one
 * Parquet row group every ROW_GROUP_ROWS rows, for `generate --format parquet|both`
 * (csv-to-parquet.ts, on files) and the browser page (on bytes in memory). The row groups depend
 * only on the rows — not on blocks, workers or shards — so the Parquet files are the same bytes
 * however the CSV was produced. No Node built-in.
 */
import type { LayoutTable } from "../../../generate/dataset-layout.js";
import { tableParquetSchema } from "./layout-schema.js";
import type { ColumnValues, TableSchema } from "./table-schema.js";

/** Where row groups go: a file (table-writer.ts) or bytes (table-encoder.ts). */
export interface RowGroupWriter {
  writeRowGroup(columns: readonly ColumnValues[]): void;
  readonly rows: number;
}

/** Rows per row group: a few MB of column data per table in memory at most. */
export const ROW_GROUP_ROWS = 1 << 18;

/** Parses CSV lines into column buffers and writes a row group every ROW_GROUP_ROWS rows. */
export class CsvColumns {
  private ints: Int32Array[] = [];
  private dbls: Float64Array[] = [];
  private lists: Int32Array[][] = [];
  private n = 0;
  private carry = "";
  private header = true;
  private readonly writer;
  /** `open` makes the table's writer from its schema (a file's, or the page's bytes). */
  constructor(
    readonly table: LayoutTable,
    private readonly ratingType: "int" | "double",
    open: (schema: TableSchema) => RowGroupWriter,
  ) {
    this.writer = open(tableParquetSchema(table).map((c) => (c.name === "rating" && ratingType === "double" ? { ...c, type: "double" as const } : c)));
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

  /** Writes the last row group; returns the rows written (the caller closes the writer). */
  end(): number {
    if (this.carry !== "") this.line(this.carry);
    this.flush();
    return this.writer.rows;
  }
}
