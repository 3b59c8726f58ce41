/**
 * The dataset as an artifact: `writeCard(dir)` writes README.md (the dataset card) and
 * `writeCroissant(dir)` croissant.json, on a finished dataset folder (config.json and the
 * tables written). Checksums are streamed (sha256-file.ts), each file read once for both
 * documents; a file whose digest its writer took on the way out (file-digest.ts; generate passes
 * them) is not read back at all. Both documents are pure functions of the folder and a date, so
 * `ctar validate` rebuilds them and compares bytes: any change to a file, the card or
 * croissant.json itself is caught.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import { parseGraphSpec } from "../../graph/graph-spec.js";
import { buildCard } from "../../report/dataset-card.js";
import { buildCroissant } from "../../report/croissant.js";
import type { DatasetFacts, DatasetFile, DatasetTablePresence } from "../../report/dataset-facts.js";
import { DATASET_TABLES, csvName, parquetName } from "../../generate/dataset-layout.js";
import { catalogLabel } from "./run-provenance.js";
import { READ_CAPS, readInputJson, readInputText } from "../fs/input.js";
import { rewriteOutputFile } from "../fs/output.js";
import { sha256File } from "../fs/sha256-file.js";
import type { FileDigests } from "../fs/file-digest.js";

export const CARD_FILE = "README.md";
export const CROISSANT_FILE = "croissant.json";

/** config.json of a folder written by `ctar generate`, or an InputError saying why not. */
export function readConfigDoc(dir: string): Record<string, unknown> {
  const file = join(dir, "config.json");
  if (!existsSync(file)) throw new InputError(`${file}: file not found (expected a dataset folder written by 'ctar generate')`);
  const doc = readInputJson(file, READ_CAPS.datasetConfig, "a dataset's config.json");
  if (typeof doc !== "object" || doc === null || (doc as Record<string, unknown>)["tool"] !== "ctar") throw new InputError(`${file}: not a ctar config.json (expected "tool": "ctar")`);
  return doc as Record<string, unknown>;
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

/** A file's facts; its checksum from `known` (taken as it was written) when the size agrees, else read. */
function fileFacts(dir: string, path: string, format: DatasetFile["format"], rows?: number, known?: FileDigests): DatasetFile {
  const file = join(dir, path);
  const bytes = statSync(file).size;
  const digest = known?.get(path);
  const sha256 = digest !== undefined && digest.bytes === bytes ? digest.sha256 : sha256File(file);
  return { path, bytes, sha256, format, ...(rows === undefined ? {} : { rows }) };
}

/** Gathers what the card and croissant.json say, from config.json and the files present. */
export function gatherFacts(dir: string, date: string, known?: FileDigests): DatasetFacts {
  const doc = readConfigDoc(dir);
  const where = join(dir, "config.json");
  const config = (doc["config"] ?? {}) as Record<string, unknown>;
  const rows = recordedRows(doc);
  const tables: DatasetTablePresence[] = [];
  for (const table of DATASET_TABLES) {
    const files: DatasetFile[] = [];
    const csv = csvName(table);
    const pq = parquetName(table);
    if (existsSync(join(dir, csv))) files.push(fileFacts(dir, csv, table.gzip === true ? "csv.gz" : "csv", rows[csv], known));
    if (existsSync(join(dir, pq))) files.push(fileFacts(dir, pq, "parquet", rows[pq] ?? rows[csv], known));
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

/**
 * The date the card and croissant.json state: SOURCE_DATE_EPOCH (seconds, the reproducible-builds
 * convention) when set, so a regenerated dataset is the same bytes on another day; else today (UTC).
 */
export function today(): string {
  const epoch = process.env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  return new Date().toISOString().slice(0, 10);
}

/**
 * Writes the card, then croissant.json (which lists the card's checksum), into a finished folder:
 * the same bytes as `writeCard` then `writeCroissant`, from one gathering of the facts. `known`:
 * digests the writers took (file-digest.ts).
 */
export function writeArtifacts(dir: string, date = today(), known?: FileDigests): void {
  const facts = gatherFacts(dir, date, known);
  rewriteOutputFile(join(dir, CARD_FILE), "the dataset card", buildCard(facts));
  rewriteOutputFile(join(dir, CROISSANT_FILE), "croissant.json", croissantText(dir, facts));
}

/** The date a card states ("Card written on YYYY-MM-DD"), or undefined. */
export function cardDate(text: string): string | undefined {
  return /Card written on (\d{4}-\d{2}-\d{2})\./.exec(text)?.[1];
}

/** The card and croissant.json a folder should have, for a date. */
export function expectedArtifacts(dir: string, date: string): { card: string; croissant: string } {
  const facts = gatherFacts(dir, date);
  const card = buildCard(facts);
  return { card, croissant: croissantText(dir, facts) };
}

function croissantText(dir: string, facts: DatasetFacts): string {
  const others = [fileFacts(dir, "config.json", "json")];
  if (existsSync(join(dir, CARD_FILE))) others.push(fileFacts(dir, CARD_FILE, "markdown"));
  return `${JSON.stringify(buildCroissant(facts, others), null, 2)}\n`;
}

/** Writes DIR/README.md, the dataset card. */
export function writeCard(dir: string, options: { date?: string } = {}): string {
  const text = buildCard(gatherFacts(dir, options.date ?? today()));
  rewriteOutputFile(join(dir, CARD_FILE), "the dataset card", text);
  return text;
}

/** Writes DIR/croissant.json (after the card, whose checksum it lists); the date defaults to the card's. */
export function writeCroissant(dir: string, options: { date?: string } = {}): string {
  const cardFile = join(dir, CARD_FILE);
  const date = options.date ?? (existsSync(cardFile) ? cardDate(readInputText(cardFile, READ_CAPS.datasetConfig, "the dataset card")) : undefined) ?? today();
  const text = croissantText(dir, gatherFacts(dir, date));
  rewriteOutputFile(join(dir, CROISSANT_FILE), "croissant.json", text);
  return text;
}
