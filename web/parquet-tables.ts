/**
 * `--format parquet` in the page: each table's CSV bytes converted as `ctar generate --format
 * parquet` converts a folder's files (src/io/dataset/dataset-formats.ts) — the same file list
 * (format-files.ts), the same row groups (csv-columns.ts), the same encoder (table-encoder.ts) —
 * into Parquet bytes in memory; the CSV entries are removed, as the CLI removes the files.
 */
import { concatBytes } from "../src/explore/dataset-in-memory.js";
import { type LayoutTable, csvName, parquetName } from "../src/generate/dataset-layout.js";
import type { MGraph } from "../src/graph/mgraph.js";
import { formatFileList, parquetRatingType } from "../src/io/dataset/format-files.js";
import { CsvColumns } from "../src/io/tables/parquet/csv-columns.js";
import { type ParquetTableEncoder, encodeParquetTable } from "../src/io/tables/parquet/table-encoder.js";

/** A table's Parquet bytes from its CSV bytes (ASCII, fed in slices as the CLI reads a file in chunks). */
function tableParquet(table: LayoutTable, ratingType: "int" | "double", csv: Uint8Array): { bytes: Uint8Array; rows: number } {
  const parts: Uint8Array[] = [];
  let encoder: ParquetTableEncoder | undefined;
  const columns = new CsvColumns(table, ratingType, (schema) => (encoder = encodeParquetTable(parquetName(table), schema, (b) => parts.push(b.slice()))));
  const step = 1 << 22;
  for (let at = 0; at < csv.length; at += step) columns.chunk(new TextDecoder().decode(csv.subarray(at, at + step)));
  const rows = columns.end();
  encoder!.finish();
  return { bytes: concatBytes(parts), rows };
}

/** The `convert` of datasetInMemory for Parquet: the tables converted, config.json's new text returned. */
export function toParquet(graph: MGraph): (files: Map<string, Uint8Array>, config: string, plain: ReadonlyMap<string, Uint8Array>) => Promise<string> {
  return async (files, config, plain) => {
    const doc = JSON.parse(config) as { files: Record<string, { rows: number }> };
    const type = parquetRatingType(graph);
    doc.files = await formatFileList(doc.files, "parquet", (f) => files.has(f), async (table) => {
      // a gzipped table (truth/full.csv.gz) is read as its text, as the CLI gunzips it
      const p = tableParquet(table, type, plain.get(csvName(table)) ?? files.get(csvName(table))!);
      files.delete(csvName(table));
      files.set(parquetName(table), p.bytes);
      return p.rows;
    });
    return `${JSON.stringify(doc, null, 2)}\n`;
  };
}
