/**
 * The dataset card and croissant.json as pure functions of a dataset's config.json and the size and
 * SHA-256 of its files: src/io/dataset/dataset-artifact.ts gives them a folder's files (streamed
 * checksums), the browser page (docs/browser.md) the files it holds in memory — so both write the
 * same bytes.
 */
import { InputError } from "../errors/errors.js";
import { parseGraphSpec } from "../graph/graph-spec.js";
import { DATASET_TABLES, csvName, parquetName } from "../generate/dataset-layout.js";
import { buildCroissant } from "./croissant.js";
import type { DatasetFacts, DatasetFile, DatasetTablePresence } from "./dataset-facts.js";

export const CARD_FILE = "README.md";
export const CROISSANT_FILE = "croissant.json";

/** Size and SHA-256 (hex) of one file of the folder. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/** A short label of a recorded catalog (the card's wording): `builtin:seed=…` or the folder. */
export function catalogLabel(recorded: unknown): string {
  if (typeof recorded === "string") return recorded; // written before catalogs were recorded with hashes
  const c = recorded as Partial<{ kind: string; seed: number; path: string }> | null;
  if (c?.kind === "builtin") return `builtin:seed=${c.seed}`;
  if (c?.kind === "folder" && typeof c.path === "string") return c.path;
  return String(recorded);
}

/** Rows of each file as config.json records them (`files`). */
export function recordedRows(doc: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  const files = doc["files"];
  if (typeof files === "object" && files !== null) {
    for (const [k, v] of Object.entries(files as Record<string, unknown>)) {
      const rows = (v as { rows?: unknown } | null)?.rows;
      if (typeof rows === "number") out[k] = rows;
    }
  }
  return out;
}

/**
 * What the card and croissant.json say, from config.json (`doc`, named `where` in messages) and
 * the digests of the table files present (`present`, by path; absent files are not in it).
 */
export function factsFromConfig(doc: Record<string, unknown>, where: string, present: ReadonlyMap<string, FileDigest>, date: string): DatasetFacts {
  const config = (doc["config"] ?? {}) as Record<string, unknown>;
  const rows = recordedRows(doc);
  const tables: DatasetTablePresence[] = [];
  const fileOf = (path: string, format: DatasetFile["format"], n: number | undefined): DatasetFile => {
    const d = present.get(path)!;
    return { path, bytes: d.bytes, sha256: d.sha256, format, ...(n === undefined ? {} : { rows: n }) };
  };
  for (const table of DATASET_TABLES) {
    const files: DatasetFile[] = [];
    const csv = csvName(table);
    const pq = parquetName(table);
    if (present.has(csv)) files.push(fileOf(csv, table.gzip === true ? "csv.gz" : "csv", rows[csv]));
    if (present.has(pq)) files.push(fileOf(pq, "parquet", rows[pq] ?? rows[csv]));
    if (files.length > 0) tables.push({ table, files });
  }
  const num = (k: string) => (typeof config[k] === "number" ? (config[k] as number) : NaN);
  const interventions = Array.isArray(doc["interventions"]) ? (doc["interventions"] as { text?: unknown }[]).map((i) => String(i?.text)) : [];
  const warnings = Array.isArray(doc["warnings"]) ? (doc["warnings"] as unknown[]).map(String) : [];
  let graph;
  try {
    graph = parseGraphSpec(doc["graph"], `${where}: graph`);
  } catch (e) {
    throw new InputError(`${where}: the recorded graph is not a valid m-graph (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  return {
    version: String(doc["version"]),
    seed: num("seed"),
    users: num("users"),
    movies: num("movies"),
    config,
    catalog: catalogLabel(doc["catalog"]),
    compat: String(config["compat"] ?? "none"),
    graph,
    interventions,
    warnings,
    tables,
    date,
  };
}

/** The table paths the facts may name (each table's CSV and Parquet file): the ones to digest. */
export function tablePaths(): string[] {
  return DATASET_TABLES.flatMap((t) => [csvName(t), parquetName(t)]);
}

/** croissant.json's text: the facts, plus config.json and (when written) the card as further files. */
export function croissantText(facts: DatasetFacts, config: FileDigest, card: FileDigest | undefined): string {
  const others: DatasetFile[] = [{ path: "config.json", bytes: config.bytes, sha256: config.sha256, format: "json" }];
  if (card !== undefined) others.push({ path: CARD_FILE, bytes: card.bytes, sha256: card.sha256, format: "markdown" });
  return `${JSON.stringify(buildCroissant(facts, others), null, 2)}\n`;
}
