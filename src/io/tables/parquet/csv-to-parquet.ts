/**
 * `generate --format parquet|both`: each table of a finished dataset folder converted from its CSV
 * (streamed in chunks, gzip included) to NAME.parquet beside it, in row groups of a fixed number
 * of rows (csv-columns.ts), and both formats hold the same values (the CSV's shortest round-trip
 * decimals parse back to the same doubles).
 */
import { rmSync } from "node:fs";
import { forEachChunk, inputStream } from "../../fs/input.js";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { InputError } from "../../../errors/errors.js";
import { type LayoutTable, csvName, parquetName } from "../../../generate/dataset-layout.js";
import { CsvColumns } from "./csv-columns.js";
import { type ParquetTableWriter, openParquetTable } from "./table-writer.js";

/** Converts DIR's CSV of `table` to NAME.parquet; returns the rows written. */
export async function csvToParquet(dir: string, table: LayoutTable, ratingType: "int" | "double"): Promise<number> {
  const src = join(dir, csvName(table));
  const file = join(dir, parquetName(table));
  let writer: ParquetTableWriter | undefined;
  const out = new CsvColumns(table, ratingType, (schema) => (writer = openParquetTable(file, schema)));
  try {
    if (table.gzip === true) {
      for await (const piece of inputStream(src, "a gzipped CSV file").pipe(createGunzip({ chunkSize: 1 << 20 }))) out.chunk((piece as Buffer).toString("latin1"));
    } else {
      forEachChunk(src, "a CSV file", (bytes) => out.chunk(bytes.toString("latin1")));
    }
    const rows = out.end();
    writer!.close();
    return rows;
  } catch (e) {
    writer!.abort();
    if (e instanceof Error && /NaN|not a number|invalid/i.test(e.message)) throw new InputError(`${src}: cannot be converted to Parquet (${e.message})`);
    throw e;
  }
}

/** Removes NAME.csv of a table (for `--format parquet`, once its Parquet is written). */
export function removeCsv(dir: string, table: LayoutTable): void {
  rmSync(join(dir, csvName(table)), { force: true });
}
