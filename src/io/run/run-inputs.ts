/**
 * The inputs of a run (configuration, graph, mechanisms), from the command line — the CTAR preset
 * or a graph file, with interventions — or back from what a run recorded (a shard's part.json, a
 * dataset's config.json), so that `merge` rebuilds exactly the world the shards generated.
 */
import { resolve } from "node:path";
import type { CtarConfig } from "../../config/ctar-config.js";
import { parseCtarConfig } from "../../config/parse-config.js";
import { InputError } from "../../errors/errors.js";
import { parseGraphSpec } from "../../graph/graph-spec.js";
import type { MGraph } from "../../graph/mgraph.js";
import { builtinRegistry } from "../../mechanisms/registry.js";
import { ctarGraph } from "../../presets/ctar.js";
import { applyInterventions, parseIntervention } from "../../scm/intervention.js";
import { type DatasetFormat, parseFormat } from "../dataset/dataset-formats.js";
import type { RunInputs } from "./generate-run.js";
import { loadGraphRun, loadMechanismModules } from "../inputs/load-graph-run.js";
import { fileRecord } from "../dataset/run-provenance.js";
import { checkVariantOptions } from "../../generate/variant-tables.js";

export const TRUTH_LEVELS = ["basic", "full"] as const;

export async function runInputsFromOptions(
  config: CtarConfig,
  graphFile: string | undefined,
  doTexts: readonly string[],
  truth: "basic" | "full",
  format: DatasetFormat = "csv",
  propensity = false,
): Promise<RunInputs & { interventionTexts: string[] }> {
  const fromFile = graphFile === undefined ? undefined : await loadGraphRun(graphFile);
  const registry = fromFile?.registry ?? builtinRegistry();
  const preset = fromFile?.graph ?? ctarGraph(config);
  const interventions = doTexts.map((t) => parseIntervention(t, preset, registry));
  const graph = applyInterventions(preset, interventions, registry);
  // before any writing: --propensity names a treatment the graph must have
  checkVariantOptions(graph, registry, { propensity });
  const record = {
    truth,
    ...(propensity ? { propensity } : {}),
    ...(format === "csv" ? {} : { format }),
    interventions: interventions.map((i) => ({ node: i.node, mechanism: i.mechanism, text: i.text })),
    // absolute paths here; config.json gets them relative to the dataset folder (run-provenance.ts)
    ...(fromFile === undefined ? {} : { graphFile: fileRecord(fromFile.file), modules: fromFile.modules.map(fileRecord) }),
  };
  return {
    config,
    graph,
    registry,
    modules: fromFile?.modules ?? [],
    source: fromFile?.file ?? "the CTAR preset",
    truth,
    ...(propensity ? { propensity } : {}),
    format,
    record,
    interventionTexts: interventions.map((i) => i.text),
  };
}

/** The inputs recorded by a run: `config`, `graph`, `truth`, and `modules` (absolute paths). */
export async function runInputsFromRecord(doc: Record<string, unknown>, where: string, baseDir: string): Promise<RunInputs> {
  const config = parseCtarConfig(doc["config"], `${where}: config`);
  if (doc["graph"] === undefined) throw new InputError(`${where}: no 'graph' entry`);
  // Checked by the parser; the recorded value itself is kept so config.json keeps its key order.
  parseGraphSpec(doc["graph"], `${where}: graph`);
  const graph = doc["graph"] as MGraph;
  const modules = doc["modules"] ?? [];
  if (!(Array.isArray(modules) && modules.every((m) => typeof m === "string"))) throw new InputError(`${where}: 'modules' must be a list of module paths`);
  const paths = (modules as string[]).map((m) => resolve(baseDir, m));
  const registry = await loadMechanismModules(paths, builtinRegistry(), where);
  const truth = doc["truth"] === "full" ? "full" : "basic";
  const propensity = doc["propensity"] === true;
  const format = parseFormat(doc["format"]);
  let record: Record<string, unknown> = {};
  if (doc["record"] !== undefined && typeof doc["record"] === "object" && doc["record"] !== null) record = doc["record"] as Record<string, unknown>;
  else for (const k of ["truth", "interventions", "graphFile", "modules"]) if (doc[k] !== undefined) record[k] = doc[k];
  return { config, graph, registry, modules: paths, source: typeof doc["graphFile"] === "string" ? doc["graphFile"] : where, truth, ...(propensity ? { propensity } : {}), format, record };
}
