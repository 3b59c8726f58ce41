/**
 * What `--format parquet|both` changes in a dataset's file list, without touching files
 * (dataset-formats.ts converts a folder; the browser page, docs/browser.md, bytes in memory): each
 * table present is converted in config.json's order, its Parquet entry taking the CSV's place
 * (both kept with `both`), and the rating column's Parquet type. No Node built-in.
 */
import type { MGraph } from "../../graph/mgraph.js";
import { ratingParams } from "../../mechanisms/rating.js";
import { builtinRegistry } from "../../mechanisms/registry.js";
import { roleNode } from "../../mechanisms/roles.js";
import { DATASET_TABLES, type LayoutTable, csvName, parquetName } from "../../generate/dataset-layout.js";

type FileList = Record<string, { rows: number }>;

/** Integer ratings (the preset's rounded 1..5 scale) are INT32 in Parquet; any other rating a DOUBLE. */
export function parquetRatingType(graph: MGraph): "int" | "double" {
  const name = roleNode(graph, builtinRegistry(), "rating");
  const r = graph.nodes.find((n) => n.name === name);
  if (r === undefined || r.mechanism.kind !== "rating") return "double";
  const p = ratingParams.safeParse(r.mechanism.params ?? {});
  return p.success && p.data.round && Number.isInteger(p.data.min) && Number.isInteger(p.data.max) ? "int" : "double";
}

/** config.json's `files` after converting every present table with `convert` (which returns its rows). */
export async function formatFileList(files: Readonly<FileList>, format: "parquet" | "both", present: (name: string) => boolean, convert: (table: LayoutTable) => Promise<number>): Promise<FileList> {
  const out: FileList = {};
  for (const [name, entry] of Object.entries(files)) {
    const table = DATASET_TABLES.find((t) => csvName(t) === name);
    if (table === undefined || !present(name)) {
      out[name] = entry;
      continue;
    }
    const rows = await convert(table);
    if (format === "both") out[name] = entry;
    out[parquetName(table)] = { rows };
  }
  return out;
}
