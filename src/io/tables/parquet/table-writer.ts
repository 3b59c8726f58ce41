/**
 * A streaming Parquet table writer: `openParquetTable(file, schema)`, then one `writeRowGroup`
 * per block of rows (e.g. per block of users as the generator streams them), then `close()`.
 * The encoding is table-encoder.ts's; each row group's bytes go to the file as they are encoded.
 */
import { closeSync, rmSync, writeSync } from "node:fs";
import { createOutputFile } from "../../fs/output-bytes.js";
import type { ColumnValues, TableSchema } from "./table-schema.js";
import { encodeParquetTable } from "./table-encoder.js";

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

export function openParquetTable(file: string, schema: TableSchema): ParquetTableWriter {
  const fd = createOutputFile(file);
  let encoder: ReturnType<typeof encodeParquetTable>;
  try {
    encoder = encodeParquetTable(file, schema, (bytes) => {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    });
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw e;
  }
  let open = true;
  return {
    get rows() {
      return encoder.rows;
    },
    writeRowGroup(columns) {
      encoder.writeRowGroup(columns);
    },
    close() {
      if (!open) return;
      open = false;
      encoder.finish();
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
