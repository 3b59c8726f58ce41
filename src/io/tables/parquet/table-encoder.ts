/**
 * A Parquet table encoded row group by row group into a byte sink, without touching files
 * (table-writer.ts gives it a file; the browser page, docs/browser.md, a list of chunks): each
 * row group is encoded by hyparquet-writer and handed to the sink at once, so memory holds one
 * row group, never the earlier ones (only their footer entries). Pages are Snappy-compressed (the
 * codec every Parquet reader has). No Node built-in.
 */
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import { InputError } from "../../../errors/errors.js";
import { VERSION } from "../../../version.js";
import { type ColumnValues, type TableSchema, parquetSchemaElements } from "./table-schema.js";

export interface ParquetTableEncoder {
  /** Appends one row group; every column must have the same number of rows. */
  writeRowGroup(columns: readonly ColumnValues[]): void;
  /** Rows written so far. */
  readonly rows: number;
  /** Writes the footer (the sink gets the last bytes). */
  finish(): void;
}

/** A ByteWriter that hands its bytes to `sink` whenever the Parquet writer flushes (the view is reused after). */
function sinkWriter(sink: (bytes: Uint8Array) => void): ByteWriter {
  const w = new ByteWriter(1 << 16) as ByteWriter & { flush(): void };
  const drain = () => {
    sink(new Uint8Array(w.buffer, 0, w.index));
    w.index = 0;
  };
  w.flush = drain;
  w.finish = drain;
  return w;
}

function columnSource(name: string, type: string, values: ColumnValues): ColumnSource {
  // list columns go to the Dremel encoder as arrays of plain arrays
  const data = type === "list<int32>" ? (values as readonly Int32Array[]).map((l) => Array.from(l)) : (values as ColumnSource["data"]);
  return { name, data, statistics: type !== "list<int32>" };
}

/** Encodes a table of `schema` into `sink`; `file` names it in messages. */
export function encodeParquetTable(file: string, schema: TableSchema, sink: (bytes: Uint8Array) => void): ParquetTableEncoder {
  if (schema.length === 0) throw new InputError(`${file}: a Parquet table needs at least one column`);
  const writer = new ParquetWriter({ writer: sinkWriter(sink), schema: parquetSchemaElements(schema), createdBy: `ctar ${VERSION} (hyparquet-writer)` });
  let rows = 0;
  let open = true;
  return {
    get rows() {
      return rows;
    },
    writeRowGroup(columns) {
      if (!open) throw new Error(`${file}: writeRowGroup after close`);
      if (columns.length !== schema.length) throw new Error(`${file}: ${columns.length} columns given, the schema has ${schema.length}`);
      const n = columns[0]!.length;
      if (n === 0) return;
      columns.forEach((c, k) => {
        if (c.length !== n) throw new Error(`${file}: column '${schema[k]!.name}' has ${c.length} rows, expected ${n}`);
      });
      // one call, one row group: rowGroupSize = n keeps the writer from splitting it
      void writer.write({ columnData: columns.map((c, k) => columnSource(schema[k]!.name, schema[k]!.type, c)), rowGroupSize: n });
      rows += n;
    },
    finish() {
      if (!open) return;
      open = false;
      void writer.finish();
    },
  };
}
