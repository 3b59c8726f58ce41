/**
 * A streaming Parquet table writer: `openParquetTable(file, schema)`, then one `writeRowGroup`
 * per block of rows (e.g. per block of users as the generator streams them), then `close()`.
 * Each row group is encoded by hyparquet-writer and flushed to the file at once, so memory holds
 * one row group, never the earlier ones (only their footer entries, a few hundred bytes each).
 * Pages are Snappy-compressed (the codec every Parquet reader has).
 */
import { closeSync, rmSync, writeSync } from "node:fs";
import { createOutputFile } from "../../fs/output-bytes.js";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ColumnSource } from "hyparquet-writer";
import { InputError } from "../../../errors/errors.js";
import { VERSION } from "../../../version.js";
import { type ColumnValues, type TableSchema, parquetSchemaElements } from "./table-schema.js";

export interface ParquetTableWriter {
  /** Appends one row group; every column must have the same number of rows. */
  writeRowGroup(columns: readonly ColumnValues[]): void;
  /** Rows written so far. */
  readonly rows: number;
  /** Writes the footer and closes the file. */
  close(): void;
  /** Closes and removes the file (after a failure elsewhere), so nothing half-written is left. */
  abort(): void;
}

/** A ByteWriter that hands its bytes to a file descriptor whenever the Parquet writer flushes. */
function fileSink(fd: number): ByteWriter & { flush(): void } {
  const w = new ByteWriter(1 << 16) as ByteWriter & { flush(): void };
  const drain = () => {
    let done = 0;
    const bytes = new Uint8Array(w.buffer, 0, w.index);
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
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

export function openParquetTable(file: string, schema: TableSchema): ParquetTableWriter {
  if (schema.length === 0) throw new InputError(`${file}: a Parquet table needs at least one column`);
  const fd = createOutputFile(file);
  const sink = fileSink(fd);
  const writer = new ParquetWriter({ writer: sink, schema: parquetSchemaElements(schema), createdBy: `ctar ${VERSION} (hyparquet-writer)` });
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
    close() {
      if (!open) return;
      open = false;
      void writer.finish();
      closeSync(fd);
    },
    abort() {
      if (open) {
        open = false;
        closeSync(fd);
      }
      rmSync(file, { force: true });
    },
  };
}
