/**
 * io/tables/ — the table formats: CSV (whole-file and streamed readers, the writer), Parquet
 * (parquet/: schema, reader, writer, CSV-to-Parquet) and, in this file, the one reader every
 * command uses for a dataset table in either format. It knows columns and rows, not what a dataset
 * means.
 *
 * One way to read a table of a dataset folder, whichever format it was written in: NAME.parquet
 * when present, else NAME.csv (NAME.csv.gz for truth/full). `readTable` reads whole columns
 * (for the in-memory commands: stats, bench, ope); `tableBlocks` streams blocks of rows in file
 * order, in bounded memory (for validate and export on large datasets). Columns are asked by
 * name and kind (src/generate/dataset-layout.ts); errors name the file and the line (CSV) or row (Parquet).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { InputError } from "../../errors/errors.js";
import { type CsvHeader, csvRowStream, parseCsvField } from "./csv-stream.js";
import { forEachCsvRow, readText } from "./csv.js";
import { READ_CAPS, readInputBytes } from "../fs/input.js";
import { type ColumnKind, type LayoutTable, csvName, layoutTable, parquetName } from "../../generate/dataset-layout.js";
import { openParquetTableReader, type ParquetTable } from "./parquet/table-reader.js";
import { deliverPendingSignals } from "../fs/signal-cleanup.js";
import type { ColumnValues } from "./parquet/table-schema.js";

export type TableColumn = Int32Array | Float64Array | Int32Array[];

export interface TableData {
  readonly rows: number;
  readonly cols: TableColumn[];
}

export interface TableLocation {
  readonly table: LayoutTable;
  /** Absolute or dir-relative path of the file read. */
  readonly file: string;
  /** Path relative to the dataset folder (as in config.json and croissant.json). */
  readonly relative: string;
  readonly format: "csv" | "parquet";
}

export interface TableBlock {
  /** Index (0-based) of the block's first data row in the file. */
  readonly start: number;
  readonly rows: number;
  readonly cols: TableColumn[];
}

/** Finds a table of `dir` (Parquet first), or undefined when neither file exists. */
export function findTable(dir: string, name: string): TableLocation | undefined {
  const table = layoutTable(name);
  for (const [relative, format] of [[parquetName(table), "parquet"], [csvName(table), "csv"]] as const) {
    const file = join(dir, relative);
    if (existsSync(file)) return { table, file, relative, format };
  }
  return undefined;
}

/** Like findTable, but a missing table is an InputError. */
export function locateTable(dir: string, name: string): TableLocation {
  const loc = findTable(dir, name);
  if (loc === undefined) {
    const t = layoutTable(name);
    throw new InputError(`${join(dir, csvName(t))}: file not found (nor ${parquetName(t)}; expected a dataset folder in the CTAR layout)`);
  }
  return loc;
}

/** Where row `i` (0-based data row) of a table file is: `file:line` for CSV, `file: row N` for Parquet. */
export function rowPlace(loc: TableLocation, i: number): string {
  return loc.format === "csv" ? `${loc.file}:${i + 2}` : `${loc.file}: row ${i + 1}`;
}

function kindOf(loc: TableLocation, column: string): ColumnKind {
  const c = loc.table.columns.find((x) => x.name === column);
  if (c === undefined) throw new Error(`table ${loc.table.name} has no column ${column}`);
  return c.kind;
}

/** Converts a decoded Parquet column to the kind asked, checking integers and ranges. */
function fromParquet(loc: TableLocation, t: ParquetTable, name: string, kind: ColumnKind, v: ColumnValues, start: number): TableColumn {
  const type = t.columns.find((c) => c.name === name)?.type;
  const bad = (i: number, what: string) => new InputError(`${rowPlace(loc, start + i)}: column '${name}' ${what}`);
  if (kind === "intlist") {
    if (type !== "list<int32>") throw new InputError(`${loc.file}: column '${name}' has type ${type ?? "unsupported"} (expected list<int32>)`);
    return v as Int32Array[];
  }
  if (type !== "int32" && type !== "int64" && type !== "double") throw new InputError(`${loc.file}: column '${name}' has type ${type ?? "unsupported"} (expected a number)`);
  if (kind === "double") return v instanceof Float64Array ? v : Float64Array.from(v as ArrayLike<number | bigint>, Number);
  if (v instanceof Int32Array) return v;
  const out = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = Number((v as ArrayLike<number | bigint>)[i]!);
    if (!Number.isInteger(x)) throw bad(i, `is not an integer (got ${x})`);
    if (x < -2147483648 || x > 2147483647) throw bad(i, `is out of range (got ${x})`);
    out[i] = x;
  }
  return out;
}

function parquetColumns(loc: TableLocation, t: ParquetTable, columns: readonly string[]): void {
  for (const c of columns) {
    if (!t.columns.some((x) => x.name === c)) throw new InputError(`${loc.file}: missing column '${c}' (columns are ${t.columns.map((x) => x.name).join(",")}; expected ${columns.join(",")})`);
  }
}

/** Reads whole columns of a table (either format) into memory. */
export function readTable(loc: TableLocation, columns: readonly string[]): TableData {
  const kinds = columns.map((c) => kindOf(loc, c));
  if (loc.format === "parquet") {
    const t = openParquetTableReader(loc.file);
    try {
      if (t.rows > READ_CAPS.tableRows) throw new InputError(`${loc.file}: ${t.rows} rows, more than the ${READ_CAPS.tableRows} a table read into memory may have (as a CSV file is capped at ${READ_CAPS.csv >> 20} MiB)`);
      parquetColumns(loc, t, columns);
      const parts: TableColumn[][] = [];
      let start = 0;
      for (let g = 0; g < t.rowGroups; g++) {
        const v = t.readRowGroup(g, columns);
        parts.push(v.map((x, k) => fromParquet(loc, t, columns[k]!, kinds[k]!, x, start)));
        start += t.groupRows(g);
      }
      return { rows: t.rows, cols: kinds.map((kind, k) => joinColumn(parts.map((p) => p[k]!), kind, t.rows)) };
    } finally {
      t.close();
    }
  }
  const text = loc.table.gzip === true ? gunzipText(loc.file) : readText(loc.file);
  const acc = kinds.map((kind) => new Accumulator(kind));
  const header: CsvHeader = { file: loc.file, columns };
  const rows = forEachCsvRow(text, loc.file, columns, (f, line) => {
    for (let k = 0; k < kinds.length; k++) acc[k]!.push(parseCsvField(f[k]!, kinds[k]!, header, line, k));
  });
  return { rows, cols: acc.map((a) => a.done()) };
}

/** A gzipped CSV file's text (the compressed bytes and the text both within the CSV cap). */
export function gunzipText(file: string): string {
  const bytes = readInputBytes(file, READ_CAPS.csv, "a gzipped CSV file");
  try {
    return gunzipSync(bytes, { maxOutputLength: READ_CAPS.csv }).toString("utf8");
  } catch (e) {
    throw new InputError(`${file}: not a readable gzip file (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

/** Streams a table in blocks of rows (a Parquet row group, or up to `blockRows` CSV rows). */
export async function* tableBlocks(loc: TableLocation, columns: readonly string[], blockRows = 1 << 16): AsyncGenerator<TableBlock> {
  const kinds = columns.map((c) => kindOf(loc, c));
  if (loc.format === "parquet") {
    const t = openParquetTableReader(loc.file);
    try {
      parquetColumns(loc, t, columns);
      let start = 0;
      for (let g = 0; g < t.rowGroups; g++) {
        const v = t.readRowGroup(g, columns);
        yield { start, rows: t.groupRows(g), cols: v.map((x, k) => fromParquet(loc, t, columns[k]!, kinds[k]!, x, start)) };
        start += t.groupRows(g);
        await deliverPendingSignals(); // decoding is synchronous: let SIGINT/SIGTERM/SIGHUP in between row groups
      }
    } finally {
      t.close();
    }
    return;
  }
  let acc = kinds.map((kind) => new Accumulator(kind));
  let start = 0;
  let n = 0;
  const header: CsvHeader = { file: loc.file, columns };
  for await (const batch of csvRowStream(loc.file, columns, loc.table.gzip === true)) {
    for (const { fields, line } of batch) {
      for (let k = 0; k < kinds.length; k++) acc[k]!.push(parseCsvField(fields[k]!, kinds[k]!, header, line, k));
      if (++n === blockRows) {
        yield { start, rows: n, cols: acc.map((a) => a.done()) };
        start += n;
        n = 0;
        acc = kinds.map((kind) => new Accumulator(kind));
      }
    }
  }
  if (n > 0) yield { start, rows: n, cols: acc.map((a) => a.done()) };
}

/** Growing column of one kind. */
class Accumulator {
  private ints = new Int32Array(1024);
  private dbls = new Float64Array(0);
  private lists: Int32Array[] = [];
  private n = 0;
  constructor(private readonly kind: ColumnKind) {
    if (kind === "double") this.dbls = new Float64Array(1024);
  }
  push(v: number | Int32Array): void {
    if (this.kind === "intlist") {
      this.lists.push(v as Int32Array);
      return;
    }
    if (this.kind === "int") {
      if (this.n === this.ints.length) this.ints = grow(this.ints, new Int32Array(this.n * 2));
      this.ints[this.n++] = v as number;
    } else {
      if (this.n === this.dbls.length) this.dbls = grow(this.dbls, new Float64Array(this.n * 2));
      this.dbls[this.n++] = v as number;
    }
  }
  done(): TableColumn {
    if (this.kind === "intlist") return this.lists;
    return this.kind === "int" ? this.ints.slice(0, this.n) : this.dbls.slice(0, this.n);
  }
}

function grow<T extends Int32Array | Float64Array>(old: T, next: T): T {
  next.set(old);
  return next;
}

function joinColumn(parts: readonly TableColumn[], kind: ColumnKind, rows: number): TableColumn {
  if (parts.length === 1) return parts[0]!;
  if (kind === "intlist") return parts.flatMap((p) => p as Int32Array[]);
  const out = kind === "int" ? new Int32Array(rows) : new Float64Array(rows);
  let i = 0;
  for (const p of parts as (Int32Array | Float64Array)[]) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}
