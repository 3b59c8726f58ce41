/**
 * Writes a task's table (src/tasks/task.ts `TaskTable`) as CSV or Parquet: the header, then each
 * block's rows (numbers in their shortest round-trip form, so a reader gets the same doubles back),
 * or one Parquet row group per block. Returns the rows written.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { ColumnValues, TaskTable } from "../../tasks/task.js";
import { CsvWriter } from "./csv-writer.js";
import { openParquetTable } from "./parquet/table-writer.js";

export type TableFormat = "csv" | "parquet";

function csvField(v: string | number): string {
  if (typeof v === "number") return String(v);
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function writeTaskTable(file: string, format: TableFormat, table: TaskTable): number {
  mkdirSync(dirname(file), { recursive: true });
  let rows = 0;
  if (format === "csv") {
    const w = new CsvWriter(file, table.columns.map((c) => c.name).join(","));
    for (const block of table.blocks()) {
      const n = block[0]?.length ?? 0;
      const cols = block as readonly ArrayLike<string | number>[];
      for (let i = 0; i < n; i++) {
        let s = csvField(cols[0]![i]!);
        for (let k = 1; k < cols.length; k++) s += "," + csvField(cols[k]![i]!);
        w.line(s);
      }
      rows += n;
    }
    w.close();
    return rows;
  }
  const w = openParquetTable(file, table.columns);
  try {
    for (const block of table.blocks()) {
      w.writeRowGroup(block as readonly ColumnValues[]);
      rows += block[0]?.length ?? 0;
    }
    w.close();
  } catch (e) {
    w.abort();
    throw e;
  }
  return rows;
}
