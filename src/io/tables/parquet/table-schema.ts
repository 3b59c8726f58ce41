/**
 * The column types of ctar's Parquet tables and their Parquet schema (the flat file layout of the
 * Parquet format specification: a root group, one leaf per scalar column, and the standard
 * three-level LIST group for list columns — `optional group name (LIST) { repeated group list {
 * required int32 element } }`, which pandas/pyarrow, polars and DuckDB read as a list column).
 */
import type { SchemaElement } from "hyparquet";

export type ColumnType = "int32" | "int64" | "double" | "string" | "list<int32>";

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
}

export type TableSchema = readonly ColumnSpec[];

/** The typed array each column type is written from and read back into. */
export type ColumnValues = Int32Array | BigInt64Array | Float64Array | readonly string[] | readonly Int32Array[];

/** The Parquet schema elements of a table, root first (depth-first, as the footer lists them). */
export function parquetSchemaElements(schema: TableSchema): SchemaElement[] {
  const out: SchemaElement[] = [{ name: "root", num_children: schema.length }];
  for (const c of schema) {
    switch (c.type) {
      case "int32":
        out.push({ name: c.name, type: "INT32", repetition_type: "REQUIRED" });
        break;
      case "int64":
        out.push({ name: c.name, type: "INT64", repetition_type: "REQUIRED" });
        break;
      case "double":
        out.push({ name: c.name, type: "DOUBLE", repetition_type: "REQUIRED" });
        break;
      case "string":
        out.push({ name: c.name, type: "BYTE_ARRAY", repetition_type: "REQUIRED", converted_type: "UTF8", logical_type: { type: "STRING" } });
        break;
      case "list<int32>":
        out.push({ name: c.name, repetition_type: "OPTIONAL", num_children: 1, converted_type: "LIST", logical_type: { type: "LIST" } });
        out.push({ name: "list", repetition_type: "REPEATED", num_children: 1 });
        out.push({ name: "element", type: "INT32", repetition_type: "REQUIRED" });
        break;
    }
  }
  return out;
}

/** The ctar column type of a top-level schema element (and its children), or undefined. */
export function columnTypeOf(elements: readonly SchemaElement[], index: number): ColumnType | undefined {
  const e = elements[index];
  if (e === undefined) return undefined;
  if (e.num_children === 1 && (e.converted_type === "LIST" || e.logical_type?.type === "LIST")) {
    const leaf = elements[index + 2];
    return leaf?.type === "INT32" ? "list<int32>" : undefined;
  }
  if (e.num_children !== undefined && e.num_children > 0) return undefined;
  if (e.type === "INT32") return "int32";
  if (e.type === "INT64") return "int64";
  if (e.type === "DOUBLE") return "double";
  if (e.type === "BYTE_ARRAY" && (e.converted_type === "UTF8" || e.logical_type?.type === "STRING")) return "string";
  return undefined;
}
