/**
 * `--format csv|parquet|both`: after a dataset's CSV files are complete (one run, or a merge),
 * each table is converted to Parquet beside its CSV (parquet/csv-to-parquet.ts), and with
 * `parquet` the CSV files are removed; config.json's file list then names what the folder holds.
 * The file list and the rating column's type are format-files.ts's (shared with the browser page).
 * The CSV is ctar's own stream format (blocks and shards concatenate it), so every format is the
 * same bytes for any number of workers or shards.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import { formatFileList, parquetRatingType } from "./format-files.js";
import { READ_CAPS, readInputJson } from "../fs/input.js";
import { writeOutputBytes } from "../fs/output-bytes.js";
import { csvToParquet, removeCsv } from "../tables/parquet/csv-to-parquet.js";

export const FORMATS = ["csv", "parquet", "both"] as const;
export type DatasetFormat = (typeof FORMATS)[number];

export function parseFormat(raw: unknown): DatasetFormat {
  const s = raw === undefined ? "csv" : String(raw);
  if (!(FORMATS as readonly string[]).includes(s)) throw new ConfigError(`--format: unknown format '${s}' (expected ${FORMATS.join(", ")})`);
  return s as DatasetFormat;
}

/** Converts the finished folder's tables to `format` and rewrites config.json's file list. */
export async function applyFormat(dir: string, format: DatasetFormat, graph: MGraph, onTable?: (name: string) => void): Promise<Record<string, { rows: number }> | undefined> {
  if (format === "csv") return undefined;
  const configFile = join(dir, "config.json");
  const doc = readInputJson(configFile, READ_CAPS.datasetConfig, "the dataset's config.json") as { files: Record<string, { rows: number }> };
  const type = parquetRatingType(graph);
  const files = await formatFileList(doc.files, format, (name) => existsSync(join(dir, name)), async (table) => {
    onTable?.(table.name);
    const rows = await csvToParquet(dir, table, type);
    if (format === "parquet") removeCsv(dir, table);
    return rows;
  });
  doc.files = files;
  writeOutputBytes(configFile, `${JSON.stringify(doc, null, 2)}\n`);
  return files;
}
