/**
 * Test helper: rewrites a CSV dataset folder's tables as NAME.parquet (ctar's Parquet codec,
 * typed by tableParquetSchema: int → INT32, double → DOUBLE, taglist → list<int32>), in row groups
 * of `groupRows`, and removes the CSV files unless `keepCsv`. Stands in for `generate --format
 * parquet`, which the data-path rewrite provides.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { DATASET_TABLES, parquetName } from "../../src/generate/dataset-layout.js";
import { findTable, readTable } from "../../src/io/tables/dataset-table.js";
import { openParquetTable } from "../../src/io/tables/parquet/table-writer.js";
import { tableParquetSchema } from "../../src/io/tables/parquet/layout-schema.js";
import type { ColumnValues } from "../../src/io/tables/parquet/table-schema.js";

export function convertToParquet(dir: string, options: { keepCsv?: boolean; groupRows?: number } = {}): string[] {
  const written: string[] = [];
  const groupRows = options.groupRows ?? 100;
  for (const table of DATASET_TABLES) {
    const loc = findTable(dir, table.name);
    if (loc === undefined || loc.format !== "csv") continue;
    const names = table.columns.map((c) => c.name);
    const data = readTable(loc, names);
    const w = openParquetTable(join(dir, parquetName(table)), tableParquetSchema(table));
    for (let s = 0; s < data.rows; s += groupRows) {
      const e = Math.min(data.rows, s + groupRows);
      w.writeRowGroup(data.cols.map((c) => (Array.isArray(c) ? c.slice(s, e) : c.subarray(s, e)) as ColumnValues));
    }
    w.close();
    if (options.keepCsv !== true) rmSync(loc.file);
    written.push(parquetName(table));
  }
  return written;
}
