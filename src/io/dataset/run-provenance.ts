/**
 * What config.json records about the files a run read, so that the run can be rebuilt from
 * config.json alone (`ctar regenerate`) and its readers (`verify`, `ope`) work from any working
 * directory: the catalog (`{ kind: "builtin", seed }`, or `{ kind: "folder", path, sha256 }` with
 * the SHA-256 of its two files), the graph file and each mechanism module (`{ path, sha256, text }`,
 * the text only under 64 KiB). Runs record absolute paths; `relativeRecord` rewrites them relative
 * to the dataset folder when config.json is written, so a folder moved with its inputs still works.
 */
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { CtarConfig } from "../../config/ctar-config.js";
import { InputError } from "../../errors/errors.js";
import { sha256File } from "../fs/sha256-file.js";
import { readInputText } from "../fs/input.js";
import { writeOutputBytes } from "../fs/output-bytes.js";

/** The two files of a catalog folder in the authors' base format. */
export const CATALOG_FILES = ["movie_rating.csv", "movie_tag_ct.csv"] as const;
/** Files up to this size are embedded in config.json (a graph file or module is a few KiB). */
export const EMBED_LIMIT = 64 * 1024;

export type CatalogRecord =
  | { readonly kind: "builtin"; readonly seed: number }
  | { readonly kind: "folder"; readonly path: string; readonly sha256: Readonly<Record<string, string>> };

export interface FileRecord {
  readonly path: string;
  readonly sha256: string;
  readonly text?: string;
}

export function sha256Text(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The catalog a configuration names, with an absolute folder path (resolved like the loader does). */
export function catalogRecord(config: Pick<CtarConfig, "catalog" | "catalogSeed">): CatalogRecord {
  if (config.catalog === "builtin") return { kind: "builtin", seed: config.catalogSeed };
  const path = resolve(config.catalog);
  const sha256: Record<string, string> = {};
  for (const f of CATALOG_FILES) sha256[f] = sha256File(join(path, f));
  return { kind: "folder", path, sha256 };
}

/** A graph file or module: absolute path, SHA-256, and the text when small. */
export function fileRecord(file: string): FileRecord {
  const path = resolve(file);
  const small = statSync(path).size <= EMBED_LIMIT;
  return { path, sha256: sha256File(path, "a graph file or mechanism module"), ...(small ? { text: readInputText(path, EMBED_LIMIT, "a graph file or mechanism module") } : {}) };
}

function relativeTo(dir: string, path: string): string {
  if (!isAbsolute(path)) return path; // already relative (a record read back by regenerate)
  const rel = relative(resolve(dir), path);
  return isAbsolute(rel) ? path : rel; // another drive: no relative path exists
}

function relativeFile(dir: string, v: unknown): unknown {
  if (typeof v !== "object" || v === null || typeof (v as FileRecord).path !== "string") return v;
  return { ...(v as FileRecord), path: relativeTo(dir, (v as FileRecord).path) };
}

/**
 * The record to write into `dir`/config.json: the catalog added when the run did not record it
 * (taken from the configuration, as the catalog was loaded), every recorded path made relative to
 * `dir`. `dir` may be the temporary sibling of the target (atomic-dir.ts): same relative paths.
 */
export function relativeRecord(dir: string, record: Readonly<Record<string, unknown>>, config: CtarConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  const catalog = (out["catalog"] ?? catalogRecord(config)) as CatalogRecord;
  out["catalog"] = catalog.kind === "folder" ? { ...catalog, path: relativeTo(dir, catalog.path) } : catalog;
  if (out["graphFile"] !== undefined) out["graphFile"] = relativeFile(dir, out["graphFile"]);
  if (Array.isArray(out["modules"])) out["modules"] = out["modules"].map((m) => relativeFile(dir, m));
  return out;
}

export { catalogLabel } from "../../report/dataset-documents.js";

/**
 * The catalog a dataset's config.json records, for rerunning it: "builtin", or the absolute folder
 * (`override`, e.g. `--catalog`, else the recorded path relative to `dir`), after checking that
 * both files are there with the recorded SHA-256. Older records (a plain string) fall back to the
 * configuration's `catalog` as it was typed. `where` names config.json in messages.
 */
export function recordedCatalog(recorded: unknown, typed: string, dir: string, where: string, override?: string): string {
  if (typeof recorded !== "object" || recorded === null) return override === undefined ? typed : resolve(override);
  const c = recorded as Partial<{ kind: string; path: string; sha256: Record<string, unknown> }>;
  if (c.kind === "builtin") return "builtin";
  if (c.kind !== "folder" || typeof c.path !== "string" || typeof c.sha256 !== "object" || c.sha256 === null) {
    throw new InputError(`${where}: 'catalog' is not a recorded catalog (expected { kind: "builtin", seed } or { kind: "folder", path, sha256 })`);
  }
  const folder = override === undefined ? resolve(dir, c.path) : resolve(override);
  const how = override === undefined ? `recorded as ${c.path}, relative to ${dir}; give the folder with --catalog FOLDER` : "given with --catalog";
  for (const f of CATALOG_FILES) {
    const file = join(folder, f);
    if (!existsSync(file)) throw new InputError(`${file}: catalog file not found (${how})`);
    const want = c.sha256[f];
    const got = sha256File(file);
    if (got !== want) throw new InputError(`${file}: not the catalog this dataset was generated from (SHA-256 ${got.slice(0, 12)}…, ${where} records ${String(want).slice(0, 12)}…)`);
  }
  return folder;
}

/**
 * A recorded mechanism module made importable: the file at the recorded path (relative to `dir`)
 * when it is there, refused when its SHA-256 differs; else the embedded text, written under
 * `scratch()` (a temporary folder the caller removes). Older records are plain paths.
 */
export function recordedModule(recorded: unknown, dir: string, where: string, scratch: () => string): string {
  if (typeof recorded === "string") return resolve(dir, recorded);
  const m = recorded as Partial<FileRecord> | null;
  if (m === null || typeof m !== "object" || typeof m.path !== "string" || typeof m.sha256 !== "string") {
    throw new InputError(`${where}: 'modules' must list { path, sha256 } records (got ${JSON.stringify(recorded)})`);
  }
  const file = resolve(dir, m.path);
  if (existsSync(file)) {
    const got = sha256File(file);
    if (got !== m.sha256) throw new InputError(`${file}: not the mechanism module this dataset was generated with (SHA-256 ${got.slice(0, 12)}…, ${where} records ${m.sha256.slice(0, 12)}…)`);
    return file;
  }
  if (typeof m.text !== "string") throw new InputError(`${file}: mechanism module not found (recorded as ${m.path}, relative to ${dir}, and too large to be embedded in ${where})`);
  if (sha256Text(m.text) !== m.sha256) throw new InputError(`${where}: the embedded text of module ${m.path} does not match its recorded SHA-256 (edited?)`);
  const copy = join(scratch(), m.path.split(/[\\/]/).pop() ?? "module.mjs");
  writeOutputBytes(copy, m.text);
  return copy;
}

/** The relative paths a record holds (catalog folder, graph file, modules), to tell where they point. */
export function recordedPaths(record: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    const p = (v as { path?: unknown } | null)?.path;
    if (typeof p === "string" && !isAbsolute(p)) out.push(p);
  };
  add(record["catalog"]);
  add(record["graphFile"]);
  if (Array.isArray(record["modules"])) record["modules"].forEach(add);
  return out;
}
