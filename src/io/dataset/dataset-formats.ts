/**
 * `--format csv|parquet|both`: after a dataset's CSV files are complete (one run, or a merge),
 * each table is converted to Parquet beside its CSV (parquet/csv-to-parquet.ts), and with
 * `parquet` the CSV files are removed; config.json's file list then names what the folder holds.
 * The CSV is ctar's own stream format (blocks and shards concatenate it), so every format is the
 * same bytes for any number of workers or shards.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import { ratingParams } from "../../mechanisms/rating.js";
import { builtinRegistry } from "../../mechanisms/registry.js";
import { roleNode } from "../../mechanisms/roles.js";
import { DATASET_TABLES, csvName, parquetName } from "../../generate/dataset-layout.js";
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

/** Integer ratings (the preset's rounded 1..5 scale) are INT32 in Parquet; any other rating a DOUBLE. */
function ratingType(graph: MGraph): "int" | "double" {
  const name = roleNode(graph, builtinRegistry(), "rating");
  const r = graph.nodes.find((n) => n.name === name);
  if (r === undefined || r.mechanism.kind !== "rating") return "double";
  const p = ratingParams.safeParse(r.mechanism.params ?? {});
  return p.success && p.data.round && Number.isInteger(p.data.min) && Number.isInteger(p.data.max) ? "int" : "double";
}

/** Converts the finished folder's tables to `format` and rewrites config.json's file list. */
export async function applyFormat(dir: string, format: DatasetFormat, graph: MGraph, onTable?: (name: string) => void): Promise<Record<string, { rows: number }> | undefined> {
  if (format === "csv") return undefined;
  const configFile = join(dir, "config.json");
  const doc = readInputJson(configFile, READ_CAPS.datasetConfig, "the dataset's config.json") as { files: Record<string, { rows: number }> };
  const files: Record<string, { rows: number }> = {};
  const type = ratingType(graph);
  for (const [name, entry] of Object.entries(doc.files)) {
    const table = DATASET_TABLES.find((t) => csvName(t) === name);
    if (table === undefined || !existsSync(join(dir, name))) {
      files[name] = entry;
      continue;
    }
    onTable?.(table.name);
    const rows = await csvToParquet(dir, table, type);
    if (format === "both") files[name] = entry;
    else removeCsv(dir, table);
    files[parquetName(table)] = { rows };
  }
  doc.files = files;
  writeOutputBytes(configFile, `${JSON.stringify(doc, null, 2)}\n`);
  return files;
}
