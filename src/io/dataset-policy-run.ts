/**
 * A written dataset opened for off-policy evaluation (`ctar ope`): the engine of the exact run
 * that wrote it (src/io/recorded-run.ts: the recorded configuration and graph, user modules
 * included, and the catalog checked by hash), its observed ratings from train/rating (CSV or
 * Parquet, ids checked against config.json), and the interventions it records.
 */
import type { CtarConfig } from "../config/ctar-config.js";
import { InputError } from "../errors/errors.js";
import { datasetEngine } from "../generate/dataset-engine.js";
import type { Engine } from "../generate/engine.js";
import { type ObservedRatings, observedByUser } from "../truth/policy-value.js";
import { readIntTable } from "./read-bench-dataset.js";
import { recordedRun } from "./recorded-run.js";

export interface DatasetPolicyRun {
  readonly config: CtarConfig;
  readonly engine: Engine;
  readonly observed: ObservedRatings;
  /** The train/rating file read (for messages). */
  readonly ratingFile: string;
  /** The `--do` interventions of the run, as written. */
  readonly interventions: readonly string[];
  /** Removes the temporary copies of embedded modules. */
  dispose(): void;
}

export async function openDatasetPolicyRun(dir: string): Promise<DatasetPolicyRun> {
  const run = await recordedRun(dir);
  try {
    const { config, graph, registry, record } = run.inputs;
    const { users, movies } = config;
    const obs = readIntTable(dir, "train/rating", ["userid", "movieid", "rating"]);
    const ratingFile = obs.loc.file;
    const [ou, om, or] = obs.cols as [Int32Array, Int32Array, Int32Array];
    for (let i = 0; i < obs.rows; i++) {
      if (ou[i]! < 0 || ou[i]! >= users || om[i]! < 0 || om[i]! >= movies) {
        throw new InputError(`${ratingFile}:${i + 2}: user ${ou[i]}, movie ${om[i]} is outside the ${users} × ${movies} of config.json`);
      }
    }
    const raw = record["interventions"];
    const interventions = Array.isArray(raw) ? raw.map((iv) => String((iv as { text?: unknown } | null)?.text)) : [];
    const engine = datasetEngine({ config, graph, registry, catalog: run.catalog });
    return { config, engine, observed: observedByUser(users, ou, om, or), ratingFile, interventions, dispose: () => run.dispose() };
  } catch (e) {
    run.dispose();
    throw e;
  }
}
