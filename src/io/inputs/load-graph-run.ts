/**
 * io/inputs/ — what a run is made from, other than a dataset: the base catalog (the authors' files
 * or the built-in one), configuration files, graph files and the user mechanism modules they name
 * (module-scratch), and policy files.
 *
 * A graph file made runnable: the graph, and a registry with the built-in mechanisms plus those
 * of the JavaScript modules the file names in `modules:` (paths relative to the graph file).
 * Everything is checked before any generation starts: the graph's shape and m-graph rules, that
 * every node's mechanism kind is known and accepts its parameters, and (unless turned off) that
 * the graph can be written in the CTAR layout. Each error names the file, the module and the kind.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { READ_CAPS, readBoundedText } from "../fs/bounded-read.js";
import { dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError, GraphError, InputError } from "../../errors/errors.js";
import type { CtarConfig } from "../../config/ctar-config.js";
import { parseCtarConfig } from "../../config/parse-config.js";
import { parseGraphSpec } from "../../graph/graph-spec.js";
import type { MGraph } from "../../graph/mgraph.js";
import { graphProblems } from "../../graph/validate-graph.js";
import { checkMechanism } from "../../mechanisms/check-mechanism.js";
import { type MechanismRegistry, builtinRegistry } from "../../mechanisms/registry.js";
import { ctarLayoutProblems } from "../../scm/ctar-layout.js";
import { mechanismsFromExports } from "../../scm/user-mechanism.js";
import { readGraphDocument } from "./graph-file.js";
import { recordedCatalog, recordedModule } from "../dataset/run-provenance.js";
import { guardMechanism, importModule } from "./module-guard.js";
import { moduleScratch } from "./module-scratch.js";

export interface GraphRun {
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  /** The mechanism modules, as absolute paths (recorded in config.json so `ctar verify` can reload them). */
  readonly modules: readonly string[];
  /** The graph file, as an absolute path. */
  readonly file: string;
}

export interface LoadGraphRunOptions {
  /** Check that the graph can be written in the CTAR layout (default true; `ctar graph` turns it off). */
  readonly ctarLayout?: boolean;
  /** Registry the modules' mechanisms are added to (a copy is made; default: the built-in one). */
  readonly registry?: MechanismRegistry;
}

const MODULE_EXTENSIONS = [".mjs", ".js", ".cjs"];

/** Imports mechanism modules (absolute paths) into a copy of `base`; `source` names who asked (the graph file). */
export async function loadMechanismModules(paths: readonly string[], base: MechanismRegistry, source: string): Promise<MechanismRegistry> {
  const registry = base.clone();
  const origin = new Map<string, string>(); // kind → module it came from
  for (const path of paths) {
    const where = `${source}: module ${path}`;
    if (!MODULE_EXTENSIONS.includes(extname(path).toLowerCase())) {
      throw new InputError(`${where}: a mechanism module must be JavaScript (got '${extname(path) || "no extension"}', expected ${MODULE_EXTENSIONS.join(", ")}; compile TypeScript first)`);
    }
    if (!existsSync(path)) throw new InputError(`${where}: no such file (paths in 'modules' are relative to the graph file)`);
    if (!statSync(path).isFile()) throw new InputError(`${where}: not a regular file (expected a JavaScript module)`);
    let exports: Record<string, unknown>;
    try {
      exports = await importModule(pathToFileURL(path).href);
    } catch (e) {
      const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
      throw new InputError(`${where}: cannot import it (${msg})`, { cause: e });
    }
    const mechanisms = mechanismsFromExports(exports, where);
    if (mechanisms.length === 0) {
      throw new ConfigError(`${where}: exports no mechanism (expected objects with kind, description, plates, params and setup; exports: ${Object.keys(exports).join(", ") || "none"})`);
    }
    for (const m of mechanisms) {
      if (registry.get(m.kind) !== undefined) {
        const other = origin.get(m.kind);
        throw new ConfigError(`${where}: mechanism kind '${m.kind}' is already defined ${other === undefined ? "by ctar (a built-in kind)" : `by module ${other}`}; give it another kind`);
      }
      registry.register(guardMechanism(m), path);
      origin.set(m.kind, path);
    }
  }
  return registry;
}

/**
 * Checks every node's mechanism: known kind, allowed plate, parameters accepted by its schema.
 * Throws one error naming the file, the node and the kind.
 */
export function checkMechanisms(g: MGraph, registry: MechanismRegistry, source: string): void {
  for (const n of g.nodes) checkMechanism(n, registry, `${source}: node '${n.name}'`);
}

/** Reads, checks and makes runnable a graph file (see the module header). */
export async function loadGraphRun(file: string, options: LoadGraphRunOptions = {}): Promise<GraphRun> {
  const abs = resolve(file);
  const doc = readGraphDocument(file);
  const modules = doc.modules.map((m) => resolve(dirname(abs), m));
  const registry = await loadMechanismModules(modules, options.registry ?? builtinRegistry(), file);
  const problems = graphProblems(doc.graph, { knownMechanisms: new Set(registry.kinds()) });
  if (problems.length > 0) {
    throw new GraphError(`${file}: graph '${doc.graph.name}' is not valid:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`);
  }
  checkMechanisms(doc.graph, registry, file);
  if (options.ctarLayout !== false) {
    const layout = ctarLayoutProblems(doc.graph, registry);
    if (layout.length > 0) {
      throw new GraphError(
        `${file}: graph '${doc.graph.name}' cannot be written in the CTAR layout (start from \`ctar graph show --preset ctar\` and add your nodes):\n${layout.map((p) => `  - ${p}`).join("\n")}`,
      );
    }
  }
  return { graph: doc.graph, registry, modules, file: abs };
}

/** A generated dataset's world, as its config.json records it. */
export interface DatasetRun {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  /** Rows the writer wrote per emitted table (rating, obstag, rcttag, dropped), when recorded. */
  readonly expectedRows: Readonly<Record<string, number>>;
}

const TABLE_FILES: Readonly<Record<string, string>> = {
  rating: "train/rating.csv",
  obstag: "train/obstag.csv",
  rcttag: "train/rcttag.csv",
  dropped: "truth/obstag_dropped.csv",
};

/**
 * Reads DIR/config.json (written by `ctar generate`): the resolved configuration, the graph that
 * ran, and its mechanism modules (`modules`: records with paths relative to DIR, checked by
 * SHA-256, or their embedded text; see run-provenance.ts). The configuration's catalog is the
 * recorded folder resolved relative to DIR. `graphFile` replaces the recorded graph and modules.
 */
export async function loadDatasetRun(dir: string, graphFile?: string): Promise<DatasetRun> {
  const file = join(dir, "config.json");
  const text = readBoundedText(file, READ_CAPS.datasetConfig, "the configuration of a folder written by `ctar generate`");
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new InputError(`${file}: not valid JSON (${why}); expected the configuration written by \`ctar generate\``, { cause: e });
  }
  if (typeof json !== "object" || json === null || json["config"] === undefined) {
    throw new InputError(`${file}: no 'config' entry (expected the resolved configuration written by \`ctar generate\`)`);
  }
  // The catalog is resolved relative to the dataset folder (and its hashes checked), not the
  // working directory, so that `ctar verify DIR` works from anywhere.
  let typed: CtarConfig;
  try {
    typed = parseCtarConfig(json["config"], `${file}: config`);
  } catch (e) {
    // A bad value in a dataset's own file is bad input data (3), not a bad option (2).
    if (e instanceof ConfigError) throw new InputError(e.message, { cause: e });
    throw e;
  }
  const config = { ...typed, catalog: recordedCatalog(json["catalog"], typed.catalog, dir, file) };
  const expectedRows: Record<string, number> = {};
  const files = json["files"] as Record<string, { rows?: unknown }> | undefined;
  for (const [table, f] of Object.entries(TABLE_FILES)) {
    // a table written as Parquet is recorded under its .parquet name
    const rows = files?.[f]?.rows ?? files?.[f.replace(/\.csv$/, ".parquet")]?.rows;
    if (typeof rows === "number") expectedRows[table] = rows;
  }
  if (graphFile !== undefined) {
    const run = await loadGraphRun(graphFile);
    return { config, graph: run.graph, registry: run.registry, expectedRows };
  }
  if (json["graph"] === undefined) throw new InputError(`${file}: no 'graph' entry; give the graph with --graph FILE`);
  // Checked by the parser; the recorded value itself is used, so a regeneration writes the same bytes.
  const parsed = parseGraphSpec(json["graph"], `${file}: graph`);
  const graph = JSON.stringify(parsed) === JSON.stringify(json["graph"]) ? parsed : (json["graph"] as MGraph);
  const modules = json["modules"] ?? [];
  if (!Array.isArray(modules)) throw new InputError(`${file}: 'modules' must be a list of module records (got ${JSON.stringify(modules)})`);
  let scratch: string | undefined;
  let registry: MechanismRegistry;
  try {
    const paths = modules.map((m) => recordedModule(m, dir, file, () => (scratch ??= moduleScratch())));
    registry = await loadMechanismModules(paths, builtinRegistry(), file);
  } finally {
    // imported already: the embedded copies are not needed past this point
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
  const problems = graphProblems(graph, { knownMechanisms: new Set(registry.kinds()) });
  if (problems.length > 0) {
    const hint = problems.some((p) => p.code === "unknown-mechanism") ? "\n  (a graph with user mechanisms: give its file with --graph FILE)" : "";
    throw new GraphError(`${file}: the recorded graph '${graph.name}' cannot be rerun:\n${problems.map((p) => `  - ${p.message}`).join("\n")}${hint}`);
  }
  checkMechanisms(graph, registry, file);
  return { config, graph, registry, expectedRows };
}
