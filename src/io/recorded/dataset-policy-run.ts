/**
 * A written dataset opened for off-policy evaluation (`ctar ope`): the engine of the exact run
 * that wrote it (src/io/recorded/recorded-run.ts: the recorded configuration and graph, user modules
 * included, and the catalog checked by hash), its observed ratings from train/rating (CSV or
 * Parquet, ids checked against config.json), and the interventions it records. Where the run
 * records exact rating propensities, truth/movie's copy must be the regenerated one (as every
 * observed rating must be the regenerated R: evaluate-policy.ts).
 */
import { join } from "node:path";
import { ConfigError, InputError } from "../../errors/errors.js";
import { datasetEngine } from "../../generate/dataset-engine.js";
import type { Engine } from "../../generate/engine.js";
import { observedByUser } from "../../truth/policy-value.js";
import { recordedPropensity } from "../../truth/potential-outcomes.js";
import { readIntTable } from "../dataset/read-bench-dataset.js";
import { readRatingPropensity } from "../dataset/read-rating-propensity.js";
import { type RecordedRun, recordedRun } from "./recorded-run.js";
import { roleNode } from "../../mechanisms/roles.js";
import type { WorldRun } from "../../tasks/world-run.js";

/** A recorded world, ready to evaluate policies on (the shape the tasks use too). */
export type DatasetPolicyRun = WorldRun;

/** The recorded run; a configuration in config.json that does not parse is bad input (exit 3), not a bad flag. */
async function recorded(dir: string): Promise<RecordedRun> {
  try {
    return await recordedRun(dir);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError(e.message, { cause: e });
    throw e;
  }
}

/** truth/movie's p_rating_observed against the regenerated run's, when the run records them per movie. */
function checkRecordedPropensity(dir: string, engine: Engine, movies: number): void {
  const node = roleNode(engine.input.graph, engine.input.registry, "rating-missingness");
  const want = node === undefined ? undefined : recordedPropensity(engine.kernels.get(node), movies);
  if (want === undefined) return;
  const got = readRatingPropensity(dir, movies);
  const m = got.findIndex((p, i) => p !== want[i]);
  if (m >= 0) throw new InputError(`${join(dir, "truth/movie")}: movie ${m} has p_rating_observed ${got[m]} but the configuration regenerates ${want[m]} (the dataset does not match its config.json)`);
}

export async function openDatasetPolicyRun(dir: string): Promise<DatasetPolicyRun> {
  const run = await recorded(dir);
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
    checkRecordedPropensity(dir, engine, movies);
    return { config, engine, observed: observedByUser(users, ou, om, or), ratingFile, interventions, dispose: () => run.dispose() };
  } catch (e) {
    run.dispose();
    throw e;
  }
}
