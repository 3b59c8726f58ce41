/**
 * The Parquet schema of each table of the CTAR layout (src/generate/dataset-layout.ts): ids, counts and
 * ratings INT32, decimals DOUBLE, `taglist` a list of INT32. For the writer of
 * `generate --format parquet`, so that every Parquet table has the types the readers expect.
 */
import type { LayoutTable } from "../../../generate/dataset-layout.js";
import type { TableSchema } from "./table-schema.js";

export function tableParquetSchema(table: LayoutTable): TableSchema {
  return table.columns.map((c) => ({ name: c.name, type: c.kind === "int" ? "int32" : c.kind === "double" ? "double" : "list<int32>" }));
}
