/**
 * io/recorded/ — a recorded run brought back: the world rebuilt from a dataset's config.json
 * (`regenerate`, `generate --config`), compared with the files on disk, and used to evaluate
 * policies on the dataset's own world (`ope`).
 *
 * A run rebuilt from a dataset's config.json alone: for `ctar regenerate DIR` (the exact inputs:
 * the recorded configuration, graph, modules, truth level, and the catalog checked by hash, so the
 * same bytes come out), and for `ctar generate --config DIR/config.json` (the recorded
 * configuration, interventions, truth level and graph file as defaults that flags override).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { type SelectedCatalog, selectMovies } from "../../catalog/select-movies.js";
import type { CtarConfig } from "../../config/ctar-config.js";
import { parseCtarConfig } from "../../config/parse-config.js";
import { ConfigError, InputError } from "../../errors/errors.js";
import { parseGraphSpec } from "../../graph/graph-spec.js";
import type { MGraph } from "../../graph/mgraph.js";
import { builtinRegistry } from "../../mechanisms/registry.js";
import { readConfigDoc } from "../dataset/dataset-artifact.js";
import type { RunInputs } from "../run/generate-run.js";
import { checkMechanisms, loadMechanismModules } from "../inputs/load-graph-run.js";
import { parseFormat } from "../dataset/dataset-formats.js";
import { resolveCatalog } from "../inputs/resolve-catalog.js";
import { recordedCatalog, recordedModule } from "../dataset/run-provenance.js";
import { sha256File } from "../fs/sha256-file.js";
import { moduleScratch } from "../inputs/module-scratch.js";

/** Keys finishDataset writes itself; every other key of config.json is the run's record. */
const WRITTEN_KEYS = new Set(["tool", "version", "seed", "config", "graph", "files", "warnings", "notes"]);

export interface RecordedRun {
  readonly inputs: RunInputs;
  /** The catalog, selected already (loaded from the folder found by hash). */
  readonly catalog: SelectedCatalog;
  /** The version of ctar that wrote the dataset. */
  readonly version: string;
  /** Removes the temporary copies of embedded modules (call when generation is over). */
  dispose(): void;
}

/** The exact inputs of the run that wrote `dir` (see the module header); `catalogFolder` overrides the recorded path. */
export async function recordedRun(dir: string, catalogFolder?: string): Promise<RecordedRun> {
  const doc = readConfigDoc(dir);
  const where = join(dir, "config.json");
  const config = parseCtarConfig(doc["config"], `${where}: config`);
  const folder = recordedCatalog(doc["catalog"], config.catalog, dir, where, catalogFolder);
  if (doc["graph"] === undefined) throw new InputError(`${where}: no 'graph' entry (written by an older ctar; regenerate needs the graph that ran)`);
  parseGraphSpec(doc["graph"], `${where}: graph`);
  // the recorded value itself, so that the new config.json keeps its key order
  const graph = doc["graph"] as MGraph;
  const modules = doc["modules"] ?? [];
  if (!Array.isArray(modules)) throw new InputError(`${where}: 'modules' must be a list of module records`);
  let scratch: string | undefined;
  const dispose = () => {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  };
  try {
    // each embedded module in its own folder, so two modules of the same name cannot collide
    const paths = modules.map((m) => recordedModule(m, dir, where, () => mkdtempSync(join((scratch ??= moduleScratch()), "m-"))));
    const registry = await loadMechanismModules(paths, builtinRegistry(), where);
    checkMechanisms(graph, registry, where);
    const record: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(doc)) if (!WRITTEN_KEYS.has(k)) record[k] = v;
    const catalog = selectMovies(resolveCatalog({ ...config, catalog: folder }), config.movies);
    const inputs: RunInputs = { config, graph, registry, modules: paths, source: where, truth: doc["truth"] === "full" ? "full" : "basic", propensity: doc["propensity"] === true, format: parseFormat(doc["format"]), record };
    return { inputs, catalog, version: String(doc["version"]), dispose };
  } catch (e) {
    dispose();
    throw e;
  }
}

/** What `generate --config DIR/config.json` takes from a ctar config.json besides its configuration. */
export interface RecordedDefaults {
  readonly truth: "basic" | "full";
  /** `--propensity` (an uplift world's every P(T = 1)), when the run had it. */
  readonly propensity: boolean;
  readonly interventions: readonly string[];
  /** The graph file (absolute, checked by hash, and so are its modules), when the run had one. */
  readonly graphFile?: string;
  /** The table format the dataset was written in (`generate --format`), when not csv. */
  readonly format?: string;
}

export function isCtarRecord(doc: unknown): doc is Record<string, unknown> {
  return typeof doc === "object" && doc !== null && (doc as Record<string, unknown>)["tool"] === "ctar";
}

/**
 * The recorded configuration of a ctar config.json `file`, as a base for flags: its catalog folder
 * resolved relative to the dataset folder and checked by hash, unless `--catalog` replaces it.
 */
export function recordedConfigBase(doc: Record<string, unknown>, file: string, catalogFlag: boolean): Record<string, unknown> {
  const typed: CtarConfig = parseCtarConfig(doc["config"], `${file}: config`);
  if (catalogFlag) return { ...typed };
  return { ...typed, catalog: recordedCatalog(doc["catalog"], typed.catalog, dirname(resolve(file)), file) };
}

export function recordedDefaults(doc: Record<string, unknown>, file: string): RecordedDefaults {
  const interventions: string[] = [];
  for (const iv of Array.isArray(doc["interventions"]) ? doc["interventions"] : []) {
    const text = (iv as { text?: unknown } | null)?.text;
    if (typeof text !== "string") throw new InputError(`${file}: an intervention has no "text"`);
    interventions.push(text);
  }
  const truth = doc["truth"] === "full" ? "full" : "basic";
  const propensity = doc["propensity"] === true;
  const format = typeof doc["format"] === "string" ? { format: doc["format"] } : {};
  const g = doc["graphFile"] as { path?: unknown; sha256?: unknown } | string | undefined;
  if (g === undefined) return { truth, propensity, interventions, ...format };
  const path = typeof g === "string" ? g : g.path;
  if (typeof path !== "string") throw new InputError(`${file}: 'graphFile' has no path`);
  const abs = resolve(dirname(resolve(file)), path);
  if (!existsSync(abs)) throw new ConfigError(`--config ${file}: the graph file ${abs} it records is not there (give it with --graph FILE)`);
  if (typeof g === "object" && typeof g.sha256 === "string" && sha256File(abs) !== g.sha256) {
    throw new ConfigError(`--config ${file}: the graph file ${abs} has changed since the dataset was generated (SHA-256 differs; give --graph FILE to run it anyway)`);
  }
  // the graph file loads its modules from where they are now: each must still be the one that ran
  for (const m of Array.isArray(doc["modules"]) ? doc["modules"] : []) {
    const r = m as { path?: unknown; sha256?: unknown } | null;
    if (typeof r?.path !== "string" || typeof r.sha256 !== "string") continue;
    const module = resolve(dirname(resolve(file)), r.path);
    if (!existsSync(module)) throw new ConfigError(`--config ${file}: the mechanism module ${module} it records is not there (give --graph FILE to run the graph with the modules it names now)`);
    if (sha256File(module) !== r.sha256) {
      throw new ConfigError(`--config ${file}: the mechanism module ${module} has changed since the dataset was generated (SHA-256 differs; give --graph FILE to run it anyway)`);
    }
  }
  return { truth, propensity, interventions, graphFile: abs, ...format };
}
