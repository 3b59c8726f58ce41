/**
 * A folder of several worlds, as `generate --replicates K` and `generate --sweep` write them, read
 * for the commands that run on every world (`bench`, `ope`, `report`): which worlds it holds and
 * that they are the ones the manifest names, before any work.
 *
 *  - replicates: summary.json (`replicates`, `seeds`) and one dataset `seed-<s>/` per seed, whose
 *    config.json says seed s;
 *  - sweep: sweep.json (the option swept, its values, each world's folder and the sha256 of its
 *    config.json and croissant.json, which itself lists the checksum of every file of the world);
 *    with `--replicates`, each value's folder is a replicates folder and every dataset in it is
 *    listed with its checksums;
 *  - anything else is read as one dataset folder by the command's usual reader.
 * A folder that is two of these at once, a world missing or changed, or a folder the manifest
 * does not name is refused with one InputError; `ctar validate WORLD` checks a world's files.
 */
import { existsSync, lstatSync, readdirSync } from "node:fs";
import { READ_CAPS, readInputJson } from "../fs/input.js";
import { MARKER_FILE } from "../fs/output-kinds.js";
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import { sha256File } from "../fs/sha256-file.js";
import { CROISSANT_FILE, readConfigDoc } from "./dataset-artifact.js";

export const SWEEP_MANIFEST = "sweep.json";
export const REPLICATES_SUMMARY = "summary.json";
/** Files a replicates folder holds beside its worlds (io/run/replicates.ts). */
const REPLICATES_FILES = new Set([REPLICATES_SUMMARY, "summary.md", MARKER_FILE]);

/**
 * One world of a set: its folder name, path, and the seed (replicates) or value (sweep) that made
 * it; a sweep's value with replicates holds them in `replicates` (its own folder is not a dataset).
 */
export interface World {
  readonly folder: string;
  readonly dir: string;
  readonly seed?: number;
  readonly value?: number;
  readonly replicates?: readonly World[];
}

/** A dataset of a sweep: its folder in the value's folder ("." for the value's folder itself), seed and checksums. */
export interface SweepDatasetRecord {
  readonly folder: string;
  readonly seed: number;
  readonly config_sha256: string;
  readonly croissant_sha256: string;
}

/** What a sweep's manifest records of one value. */
export interface SweepWorldRecord {
  readonly value: number;
  readonly folder: string;
  readonly datasets: readonly SweepDatasetRecord[];
}

/** sweep.json. */
export interface SweepManifest {
  readonly tool: "ctar";
  readonly kind: "sweep";
  readonly version: string;
  /** The flag swept (without "--") and its config path. */
  readonly parameter: string;
  readonly path: readonly string[];
  readonly values: readonly number[];
  readonly worlds: readonly SweepWorldRecord[];
}

export type WorldSet =
  | { readonly kind: "dataset"; readonly dir: string }
  | { readonly kind: "replicates"; readonly dir: string; readonly worlds: readonly World[] }
  | { readonly kind: "sweep"; readonly dir: string; readonly manifest: SweepManifest; readonly worlds: readonly World[] };

function readJson(file: string): unknown {
  return readInputJson(file, READ_CAPS.manifest, "a ctar manifest");
}

const plainName = (f: unknown) => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== "..";
const datasetOk = (d: SweepDatasetRecord) => typeof d === "object" && d !== null && plainName(d.folder) && Number.isSafeInteger(d.seed) && typeof d.config_sha256 === "string" && typeof d.croissant_sha256 === "string";

/** The manifest's fields, checked: a hand-edited or foreign sweep.json is refused here. */
export function checkSweepManifest(doc: unknown, file: string): SweepManifest {
  const d = doc as Partial<Record<keyof SweepManifest, unknown>> | null;
  const bad = (what: string) => new InputError(`${file}: ${what} (expected a sweep.json written by 'ctar generate --sweep')`);
  if (typeof d !== "object" || d === null || d.tool !== "ctar" || d.kind !== "sweep") throw bad('not a ctar sweep manifest ("tool": "ctar", "kind": "sweep")');
  if (typeof d.parameter !== "string" || !Array.isArray(d.path) || !Array.isArray(d.values) || !Array.isArray(d.worlds)) throw bad("missing parameter, path, values or worlds");
  const worlds = d.worlds as SweepWorldRecord[];
  const values = d.values as unknown[];
  if (worlds.length < 2 || worlds.length !== values.length) throw bad(`${worlds.length} worlds for ${values.length} values`);
  worlds.forEach((w, i) => {
    const ok = typeof w === "object" && w !== null && w.value === values[i] && plainName(w.folder) && Array.isArray(w.datasets) && w.datasets.length > 0 && w.datasets.every(datasetOk) && (w.datasets.length === 1 || w.datasets.every((x) => x.folder !== "."));
    if (!ok) throw bad(`world ${i + 1} is malformed`);
  });
  return d as unknown as SweepManifest;
}

/** The sub-folders of `dir` (links included, so that none goes unnoticed). */
function subFolders(dir: string): string[] {
  return readdirSync(dir).sort().filter((n) => {
    const st = lstatSync(join(dir, n));
    return st.isDirectory() || st.isSymbolicLink();
  });
}

function refuseStrangers(dir: string, named: readonly string[], what: string): void {
  const stranger = subFolders(dir).find((n) => !named.includes(n));
  if (stranger !== undefined) throw new InputError(`${join(dir, stranger)}: a folder ${what} does not name (a sweep and replicates mixed, or a world added by hand; regenerate the set)`);
}

function worldConfig(dir: string, folder: string, what: string): Record<string, unknown> {
  const w = join(dir, folder);
  if (!existsSync(w) || !lstatSync(w).isDirectory()) throw new InputError(`${w}: missing (${what} names it; regenerate the set)`);
  return readConfigDoc(w);
}

/** A dataset's config.json and croissant.json against the manifest's checksums. */
function checkDataset(wdir: string, d: SweepDatasetRecord, file: string): void {
  for (const [name, sha] of [["config.json", d.config_sha256], [CROISSANT_FILE, d.croissant_sha256]] as const) {
    const f = join(wdir, name);
    if (!existsSync(f)) throw new InputError(`${f}: file not found (${file} lists its checksum; regenerate the sweep)`);
    if (sha256File(f) !== sha) throw new InputError(`${f}: changed since the sweep was written (sha256 differs from ${file}); regenerate the sweep`);
  }
}

function readSweep(dir: string): WorldSet {
  const file = join(dir, SWEEP_MANIFEST);
  const manifest = checkSweepManifest(readJson(file), file);
  refuseStrangers(dir, manifest.worlds.map((w) => w.folder), file);
  const worlds = manifest.worlds.map((w): World => {
    const wdir = join(dir, w.folder);
    if (w.datasets.length === 1 && w.datasets[0]!.folder === ".") {
      worldConfig(dir, w.folder, file);
      checkDataset(wdir, w.datasets[0]!, file);
      return { folder: w.folder, dir: wdir, value: w.value };
    }
    if (!existsSync(wdir) || !lstatSync(wdir).isDirectory()) throw new InputError(`${wdir}: missing (${file} names it; regenerate the set)`);
    if (!existsSync(join(wdir, REPLICATES_SUMMARY))) throw new InputError(`${wdir}: not a replicates folder, but ${file} lists ${w.datasets.length} datasets in it; regenerate the sweep`);
    const reps = readReplicates(wdir) as Extract<WorldSet, { kind: "replicates" }>;
    if (reps.worlds.length !== w.datasets.length || reps.worlds.some((r, i) => r.seed !== w.datasets[i]!.seed || r.folder !== w.datasets[i]!.folder)) {
      throw new InputError(`${join(wdir, REPLICATES_SUMMARY)}: seeds ${reps.worlds.map((r) => r.seed).join(", ")}, but ${file} lists ${w.datasets.map((d) => d.seed).join(", ")}; regenerate the sweep`);
    }
    reps.worlds.forEach((r, i) => checkDataset(r.dir, w.datasets[i]!, file));
    return { folder: w.folder, dir: wdir, value: w.value, replicates: reps.worlds };
  });
  return { kind: "sweep", dir, manifest, worlds };
}

function readReplicates(dir: string): WorldSet {
  const file = join(dir, REPLICATES_SUMMARY);
  const doc = readJson(file) as { replicates?: unknown; seeds?: unknown } | null;
  const seeds = doc?.seeds;
  if (!Array.isArray(seeds) || seeds.length === 0 || doc?.replicates !== seeds.length || !seeds.every((s) => Number.isSafeInteger(s))) {
    throw new InputError(`${file}: not a replicates summary (expected "replicates" and "seeds", written by 'ctar generate --replicates')`);
  }
  const folders = (seeds as number[]).map((s) => `seed-${s}`);
  refuseStrangers(dir, folders, file);
  const worlds = (seeds as number[]).map((seed, i) => {
    const cfg = worldConfig(dir, folders[i]!, file);
    if (cfg["seed"] !== seed) throw new InputError(`${join(dir, folders[i]!, "config.json")}: seed ${String(cfg["seed"])}, but ${file} names this world seed ${seed}`);
    return { folder: folders[i]!, dir: join(dir, folders[i]!), seed };
  });
  for (const n of readdirSync(dir).sort()) {
    if (!folders.includes(n) && !REPLICATES_FILES.has(n)) throw new InputError(`${join(dir, n)}: not part of a replicates folder (expected ${[...REPLICATES_FILES].join(", ")} and seed-<s>/)`);
  }
  return { kind: "replicates", dir, worlds };
}

/** What `dir` holds: one dataset (also a folder that is none of these: its reader then says why), replicates or a sweep. */
export function readWorldSet(dir: string): WorldSet {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return { kind: "dataset", dir };
  const has = (n: string) => existsSync(join(dir, n));
  const marks = [has("config.json") && "config.json (a dataset)", has(SWEEP_MANIFEST) && `${SWEEP_MANIFEST} (a sweep)`, has(REPLICATES_SUMMARY) && `${REPLICATES_SUMMARY} (replicates)`].filter((m): m is string => m !== false);
  if (marks.length > 1) throw new InputError(`${dir}: holds both ${marks.join(" and ")}; a folder is one dataset, one sweep or one set of replicates`);
  if (has(SWEEP_MANIFEST)) return readSweep(dir);
  if (has(REPLICATES_SUMMARY)) return readReplicates(dir);
  return { kind: "dataset", dir };
}
