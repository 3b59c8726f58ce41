/**
 * What is needed to regenerate a written dataset exactly: its config.json (the resolved
 * configuration and the interventions) turned back into the configuration and the graph that ran,
 * checked against the graph recorded there; and truth/movie.csv's exact rating propensities.
 */
import { READ_CAPS, readBoundedText } from "./bounded-read.js";
import { join } from "node:path";
import type { CtarConfig } from "../config/ctar-config.js";
import { parseCtarConfig } from "../config/parse-config.js";
import { CtarError, InputError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { ctarGraph } from "../presets/ctar.js";
import { applyInterventions, parseIntervention } from "../scm/intervention.js";
import { locateTable, readTable, rowPlace } from "./dataset-table.js";
import { recordedCatalog } from "./run-provenance.js";

export interface DatasetRun {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly interventions: readonly string[];
}

/** Reads DIR/config.json and rebuilds the configuration and graph of the run. */
export function readDatasetRun(dir: string, registry: MechanismRegistry): DatasetRun {
  const file = join(dir, "config.json");
  const text = readBoundedText(file, READ_CAPS.datasetConfig, "the config.json of a folder written by 'ctar generate'");
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (typeof doc !== "object" || doc === null || doc["tool"] !== "ctar") throw new InputError(`${file}: not a ctar config.json (expected "tool": "ctar")`);
  let config: CtarConfig;
  let graph: MGraph;
  const texts: string[] = [];
  try {
    const typed = parseCtarConfig(doc["config"], `${file}: config`);
    // the catalog relative to the dataset folder (hashes checked), so `ctar ope DIR` works from anywhere
    config = { ...typed, catalog: recordedCatalog(doc["catalog"], typed.catalog, dir, file) };
    const raw = doc["interventions"];
    if (raw !== undefined) {
      if (!Array.isArray(raw)) throw new InputError(`${file}: "interventions" is not a list`);
      for (const iv of raw) {
        const text = (iv as { text?: unknown } | null)?.text;
        if (typeof text !== "string") throw new InputError(`${file}: an intervention has no "text"`);
        texts.push(text);
      }
    }
    const preset = ctarGraph(config);
    graph = applyInterventions(preset, texts.map((t) => parseIntervention(t, preset)), registry);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CtarError) throw new InputError(`${file}: ${e.message}`, { cause: e });
    throw e;
  }
  if (doc["graph"] !== undefined && JSON.stringify(doc["graph"]) !== JSON.stringify(graph)) {
    throw new InputError(`${file}: the recorded graph is not the one its configuration and interventions build (written by another version of ctar, or edited); cannot regenerate it exactly`);
  }
  return { config, graph, interventions: texts };
}

/** truth/movie's p_rating_observed (CSV or Parquet): P(R_R = 1) of each movie, exact. */
export function readRatingPropensity(dir: string, movies: number): Float64Array {
  const loc = locateTable(dir, "truth/movie");
  const file = loc.file;
  const p = new Float64Array(movies).fill(NaN);
  const t = readTable(loc, ["movieid", "p_rating_observed"]);
  const ids = t.cols[0] as Int32Array;
  const v = t.cols[1] as Float64Array;
  for (let i = 0; i < t.rows; i++) {
    const m = ids[i]!;
    if (m < 0 || m >= movies) throw new InputError(`${rowPlace(loc, i)}: movieid ${m} out of range (expected 0..${movies - 1})`);
    if (!(v[i]! > 0 && v[i]! <= 1)) throw new InputError(`${rowPlace(loc, i)}: p_rating_observed ${v[i]} is not a probability in (0, 1]`);
    p[m] = v[i]!;
  }
  const missing = p.findIndex((x) => Number.isNaN(x));
  if (missing >= 0) throw new InputError(`${file}: no row for movie ${missing} (expected movies 0..${movies - 1})`);
  return p;
}
