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
import { buildCard } from "../../report/dataset-card.js";
import type { DatasetFacts } from "../../report/dataset-facts.js";
import { CARD_FILE, CROISSANT_FILE, type FileDigest, croissantText as croissantOf, factsFromConfig, recordedRows, tablePaths } from "../../report/dataset-documents.js";
import { READ_CAPS, readInputJson, readInputText } from "../fs/input.js";
import { rewriteOutputFile } from "../fs/output.js";
import { sha256File } from "../fs/sha256-file.js";
import type { FileDigests } from "../fs/file-digest.js";

export { CARD_FILE, CROISSANT_FILE, recordedRows };

/** config.json of a folder written by `ctar generate`, or an InputError saying why not. */
export function readConfigDoc(dir: string): Record<string, unknown> {
  const file = join(dir, "config.json");
  if (!existsSync(file)) throw new InputError(`${file}: file not found (expected a dataset folder written by 'ctar generate')`);
  const doc = readInputJson(file, READ_CAPS.datasetConfig, "a dataset's config.json");
  if (typeof doc !== "object" || doc === null || (doc as Record<string, unknown>)["tool"] !== "ctar") throw new InputError(`${file}: not a ctar config.json (expected "tool": "ctar")`);
  return doc as Record<string, unknown>;
}

/** A file's size and sha256; the checksum from `known` (taken as it was written) while the size agrees, else read. */
function digest(dir: string, path: string, known?: FileDigests): FileDigest {
  const file = join(dir, path);
  const bytes = statSync(file).size;
  const recorded = known?.get(path);
  return { bytes, sha256: recorded !== undefined && recorded.bytes === bytes ? recorded.sha256 : sha256File(file) };
}

/** Gathers what the card and croissant.json say, from config.json and the files present. */
export function gatherFacts(dir: string, date: string, known?: FileDigests): DatasetFacts {
  const doc = readConfigDoc(dir);
  const present = new Map<string, FileDigest>();
  for (const path of tablePaths()) if (existsSync(join(dir, path))) present.set(path, digest(dir, path, known));
  return factsFromConfig(doc, join(dir, "config.json"), present, date);
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
  return croissantOf(facts, digest(dir, "config.json"), existsSync(join(dir, CARD_FILE)) ? digest(dir, CARD_FILE) : undefined);
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
