/**
 * A synchronous Parquet table reader for ctar's tables: the footer is read and checked first
 * (magic bytes, metadata length, column-chunk byte ranges inside the file), then row groups are
 * decoded one at a time with hyparquet's page decoder, each column chunk read from disk on its
 * own, so memory holds one row group. Synchronous so that the dataset readers stay synchronous
 * (node:fs readSync; hyparquet's own file API is asynchronous only). A file that is not Parquet,
 * truncated or corrupt is an InputError naming the file and what is wrong.
 */
import type { ColumnChunk, FileMetaData, SchemaElement } from "hyparquet";
import type { ColumnDecoder } from "hyparquet/src/types.js";
import { parquetMetadata, parquetSchema } from "hyparquet";
import { readColumn } from "hyparquet/src/column.js";
import { DEFAULT_PARSERS } from "hyparquet/src/convert.js";
import { getTreePath } from "hyparquet/src/schema.js";
import { InputError } from "../../../errors/errors.js";
import { type Input, openInput, readAt } from "../../fs/input.js";
import { type ColumnSpec, type ColumnType, type ColumnValues, columnTypeOf } from "./table-schema.js";

const MAGIC = 0x31524150; // "PAR1", little-endian

/** A missing value in a column, which ctar's tables never have (rows are 1-based in the row group). */
class NullValue extends Error {}

export interface ParquetTable {
  readonly file: string;
  readonly rows: number;
  readonly rowGroups: number;
  /** Top-level columns with their ctar type (undefined: a type ctar does not read). */
  readonly columns: readonly { readonly name: string; readonly type: ColumnType | undefined }[];
  /** Rows of row group `g`. */
  groupRows(g: number): number;
  /** Decodes the named columns of row group `g`, in the order asked. */
  readRowGroup(g: number, names: readonly string[]): ColumnValues[];
  close(): void;
}

/**
 * What a footer may declare, checked before anything is sized by it. ctar writes row groups of
 * 2^18 rows (csv-to-parquet.ts) and a few hundred footer bytes per row group, so 16,384 row
 * groups hold 4 G rows and a 4 MiB footer parses in about a second; the caps are far above any
 * dataset and far below what exhausts memory (a 37 MiB footer listing 200,000 row groups of one
 * shared chunk once made `stats` decode 241 M rows for two minutes).
 */
export const FOOTER_CAPS = {
  footerBytes: 4 << 20,
  rowGroups: 1 << 14,
  columns: 256,
  groupRows: 1 << 24,
} as const;

/** A message for a decoder's failure: its text, never the name of a JavaScript error class. */
function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // a TypeError or RangeError is the decoder tripping over bytes it did not expect: its text
  // ("Cannot read properties of undefined …") is about the decoder's variables, not the file
  return cause instanceof TypeError || cause instanceof RangeError ? "the bytes do not decode as Parquet" : cause.message;
}

function fail(file: string, what: string, cause?: unknown): InputError {
  const detail = cause === undefined ? "" : ` (${causeText(cause)})`;
  return new InputError(`${file}: ${what}${detail}`, cause === undefined ? undefined : { cause });
}

/** Checks the footer's counts against the caps and the file (rows, row groups, columns, chunk bytes). */
function checkFooter(file: string, meta: FileMetaData, dataBytes: number): void {
  const groups = meta.row_groups.length;
  if (groups > FOOTER_CAPS.rowGroups) throw fail(file, `the Parquet footer lists ${groups} row groups, more than the ${FOOTER_CAPS.rowGroups} ctar reads`);
  if (meta.schema.length > FOOTER_CAPS.columns + 1) throw fail(file, `the Parquet footer lists ${meta.schema.length - 1} schema elements, more than the ${FOOTER_CAPS.columns} ctar reads`);
  let rows = 0;
  let chunkBytes = 0;
  for (let g = 0; g < groups; g++) {
    const rg = meta.row_groups[g]!;
    const n = Number(rg.num_rows);
    if (!(Number.isSafeInteger(n) && n >= 0 && n <= FOOTER_CAPS.groupRows)) throw fail(file, `corrupt Parquet footer (row group ${g + 1} declares ${n} rows; expected 0..${FOOTER_CAPS.groupRows})`);
    if (rg.columns.length > FOOTER_CAPS.columns) throw fail(file, `corrupt Parquet footer (row group ${g + 1} lists ${rg.columns.length} column chunks)`);
    rows += n;
    for (const c of rg.columns) {
      const { start, end } = chunkRange(c);
      if (!(start >= 4 && end <= 4 + dataBytes && end >= start)) throw fail(file, `corrupt Parquet file (a column chunk lies outside the data, bytes ${start}..${end} of ${dataBytes + 4})`);
      chunkBytes += end - start;
    }
  }
  // chunks of a Parquet file do not overlap: together they fit in the data between magic and footer
  if (chunkBytes > dataBytes) throw fail(file, `corrupt Parquet footer (its column chunks claim ${chunkBytes} bytes, the file holds ${dataBytes}; chunks listed more than once?)`);
  if (rows !== Number(meta.num_rows)) throw fail(file, `corrupt Parquet footer (it declares ${Number(meta.num_rows)} rows, its row groups hold ${rows})`);
}

function readFooter(fd: number, file: string, size: number): FileMetaData {
  if (size < 12) throw fail(file, `not a Parquet file (${size} bytes; a Parquet file is at least 12)`);
  const head = new DataView(readAt(fd, 0, 4).buffer);
  if (head.getUint32(0, true) !== MAGIC) throw fail(file, "not a Parquet file (it does not start with 'PAR1')");
  const tail = new DataView(readAt(fd, size - 8, 8).buffer);
  if (tail.getUint32(4, true) !== MAGIC) throw fail(file, "truncated or corrupt Parquet file (it does not end with 'PAR1')");
  const metaLength = tail.getUint32(0, true);
  if (metaLength > size - 12) throw fail(file, `truncated or corrupt Parquet file (footer of ${metaLength} bytes in a file of ${size})`);
  if (metaLength > FOOTER_CAPS.footerBytes) throw fail(file, `a Parquet footer of ${metaLength} bytes, more than the ${FOOTER_CAPS.footerBytes} ctar reads`);
  let meta: FileMetaData;
  try {
    meta = parquetMetadata(readAt(fd, size - 8 - metaLength, metaLength + 8));
  } catch (e) {
    throw fail(file, "corrupt Parquet footer", e);
  }
  checkFooter(file, meta, size - 12 - metaLength);
  return meta;
}

function chunkRange(c: ColumnChunk): { start: number; end: number } {
  const m = c.meta_data;
  if (m === undefined) return { start: -1, end: -1 };
  const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
  return { start, end: start + Number(m.total_compressed_size) };
}

/** Concatenates decoded pages into the column type's array. */
function concatPages(pages: readonly ArrayLike<unknown>[], type: ColumnType, rows: number): ColumnValues {
  const flat: unknown[] | null = type === "string" || type === "list<int32>" ? [] : null;
  const typed = type === "int32" ? new Int32Array(rows) : type === "int64" ? new BigInt64Array(rows) : type === "double" ? new Float64Array(rows) : null;
  let i = 0;
  for (const p of pages) {
    // an OPTIONAL column decodes to a plain array, with null where a value is missing
    if (!ArrayBuffer.isView(p)) {
      for (let k = 0; k < p.length; k++) if (p[k] == null) throw new NullValue(`null value in row ${i + k + 1} of the row group`);
    }
    if (typed !== null) {
      if (i + p.length > rows) throw new Error(`more values than rows (${i + p.length} > ${rows})`);
      (typed as { set(a: ArrayLike<unknown>, o: number): void }).set(p, i);
      i += p.length;
    } else {
      for (let k = 0; k < p.length; k++) flat!.push(p[k]);
    }
  }
  if (typed !== null) {
    if (i !== rows) throw new Error(`${i} values for ${rows} rows`);
    return typed;
  }
  if (flat!.length !== rows) throw new Error(`${flat!.length} values for ${rows} rows`);
  if (type === "string") return flat as string[];
  // the page decoder keeps the LIST wrapper levels as nested arrays (a row [20, 21] arrives as
  // [[20, 21]]); the elements are numbers, so flattening every level gives the row's list
  return flat!.map((l, row) => {
    if (l == null) throw new NullValue(`null list in row ${row + 1} of the row group`);
    const values = (l as unknown[]).flat(Infinity);
    if (values.some((v) => v == null)) throw new NullValue(`null list element in row ${row + 1} of the row group`);
    return Int32Array.from(values as number[]);
  });
}

export function openParquetTableReader(file: string): ParquetTable {
  const input = openInput(file, "a Parquet file");
  try {
    const meta = readFooter(input.fd, file, input.size);
    return tableOf(input, meta);
  } catch (e) {
    input.close();
    throw e;
  }
}

function topColumns(schema: readonly SchemaElement[]): { name: string; type: ColumnType | undefined }[] {
  const out: { name: string; type: ColumnType | undefined }[] = [];
  // walk the flattened tree: each top-level element skips its subtree
  const skip = (i: number): number => {
    let next = i + 1;
    for (let c = 0; c < (schema[i]?.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  let i = 1;
  while (i < schema.length) {
    out.push({ name: schema[i]!.name, type: columnTypeOf(schema, i) });
    i = skip(i);
  }
  return out;
}

function tableOf(input: Input, meta: FileMetaData): ParquetTable {
  const { fd, file } = input;
  const columns = topColumns(meta.schema);
  const tree = parquetSchema(meta);
  let open = true;
  return {
    file,
    rows: Number(meta.num_rows),
    rowGroups: meta.row_groups.length,
    columns,
    groupRows: (g) => Number(meta.row_groups[g]!.num_rows),
    readRowGroup(g, names) {
      if (!open) throw new Error(`${file}: read after close`);
      const rg = meta.row_groups[g];
      if (rg === undefined) throw new Error(`${file}: no row group ${g}`);
      const rows = Number(rg.num_rows);
      return names.map((name) => {
        const spec = columns.find((c) => c.name === name);
        const chunk = rg.columns.find((c) => c.meta_data?.path_in_schema[0] === name);
        if (spec === undefined || chunk?.meta_data === undefined) throw fail(file, `no column '${name}' (columns are ${columns.map((c) => c.name).join(",")})`);
        if (spec.type === undefined) throw fail(file, `column '${name}' has a type ctar does not read (expected int32, int64, double, string or a list of int32)`);
        const { start, end } = chunkRange(chunk);
        const md = chunk.meta_data;
        const schemaPath = getTreePath(tree, md.path_in_schema);
        const decoder: ColumnDecoder = {
          pathInSchema: md.path_in_schema,
          type: md.type,
          element: schemaPath[schemaPath.length - 1]!.element,
          schemaPath,
          codec: md.codec,
          parsers: DEFAULT_PARSERS,
          utf8: true,
        };
        try {
          const bytes = readAt(fd, start, end - start);
          const { data } = readColumn({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 }, { groupStart: 0, selectStart: 0, selectEnd: rows, groupRows: rows }, decoder);
          return concatPages(data, spec.type, rows);
        } catch (e) {
          if (e instanceof NullValue) throw fail(file, `column '${name}', row group ${g + 1}: ${e.message} (ctar's tables have no missing values)`);
          throw fail(file, `corrupt Parquet data in column '${name}', row group ${g + 1}`, e);
        }
      });
    },
    close() {
      if (open) input.close();
      open = false;
    },
  };
}

/** Reads whole columns of a Parquet table (all row groups), checking their ctar types. */
export function readParquetColumns(file: string, specs: readonly ColumnSpec[]): { rows: number; cols: ColumnValues[] } {
  const t = openParquetTableReader(file);
  try {
    checkColumns(t, specs);
    const parts: ColumnValues[][] = [];
    for (let g = 0; g < t.rowGroups; g++) parts.push(t.readRowGroup(g, specs.map((s) => s.name)));
    return { rows: t.rows, cols: specs.map((s, k) => joinParts(parts.map((p) => p[k]!), s.type, t.rows)) };
  } finally {
    t.close();
  }
}

/** An InputError unless the table has every column of `specs` with its type. */
export function checkColumns(t: ParquetTable, specs: readonly ColumnSpec[]): void {
  for (const s of specs) {
    const c = t.columns.find((x) => x.name === s.name);
    if (c === undefined) throw fail(t.file, `missing column '${s.name}' (columns are ${t.columns.map((x) => x.name).join(",")}; expected ${specs.map((x) => x.name).join(",")})`);
    if (c.type !== s.type) throw fail(t.file, `column '${s.name}' has type ${c.type ?? "unsupported"} (expected ${s.type})`);
  }
}

function joinParts(parts: readonly ColumnValues[], type: ColumnType, rows: number): ColumnValues {
  if (parts.length === 1) return parts[0]!;
  if (type === "string" || type === "list<int32>") return parts.flatMap((p) => [...(p as readonly (string | Int32Array)[])]) as ColumnValues;
  const out = type === "int32" ? new Int32Array(rows) : type === "int64" ? new BigInt64Array(rows) : new Float64Array(rows);
  let i = 0;
  for (const p of parts) {
    (out as { set(a: ArrayLike<unknown>, o: number): void }).set(p as ArrayLike<unknown>, i);
    i += p.length;
  }
  return out;
}
