/**
 * The `effects` task: estimate τ of the paper's Eq. 1 (the effect of a tag on a user's expected
 * rating) for every user × catalog tag from the observed data, scored against the exact τ of
 * truth/user_tag.csv (docs/tasks-effects.md).
 */
import { InputError } from "../../errors/errors.js";
import type { Task, TaskTable } from "../task.js";
import type { EffectsData } from "./effects-data.js";
import { effectPredictions, EFFECT_PREDICTION_COLUMNS } from "./effect-predictions.js";
import { EFFECT_ESTIMATORS, effectEstimator } from "./estimators.js";
import { type EffectsTaskData, effectsFromTables, effectsTables } from "./effects-tables.js";
import { describeEffectsData, formatEffectsCsv, formatEffectsJson, formatEffectsMarkdown } from "./format-effects.js";
import { estimatorStream, runEffectsBench } from "./run-effects.js";
import { EFFECT_METRIC_FORMULAS, EFFECT_METRICS, scoreEffects } from "./score-effects.js";

function truthOf(d: EffectsTaskData, what: string): NonNullable<EffectsTaskData["truth"]> {
  if (d.truth === undefined) throw new InputError(`${what}: the dataset has no truth/user_tag (the exact τ this task scores against; write it with ctar generate)`);
  return d.truth;
}

/** `bench --predictions`: each (estimator, run)'s nonzero estimates, recomputed from the same streams when written (so they are never all held at once). */
function predictionTable(data: EffectsData, names: readonly string[], runs: number, seed: number): TaskTable {
  const width = data.catalogTags.length;
  return {
    name: "predictions",
    description: "every estimate of every run: estimator,run,userid,tagid,tau (pairs left out: τ̂ = 0)",
    columns: [
      { name: "estimator", type: "string" },
      { name: "run", type: "int32" },
      { name: "userid", type: "int32" },
      { name: "tagid", type: "int32" },
      { name: "tau", type: "double" },
    ],
    *blocks() {
      for (const name of names) {
        const e = effectEstimator(name)!;
        for (let run = 0; run < (e.randomized === true ? runs : 1); run++) {
          const est = e.estimate(data, e.defaults, estimatorStream(seed, name, run));
          let n = 0;
          for (let i = 0; i < est.length; i++) if (est[i] !== 0) n++;
          const u = new Int32Array(n);
          const t = new Int32Array(n);
          const v = new Float64Array(n);
          for (let i = 0, k = 0; i < est.length; i++) {
            if (est[i] === 0) continue;
            u[k] = Math.floor(i / width);
            t[k] = data.catalogTags[i % width]!;
            v[k++] = est[i]!;
          }
          yield [new Array<string>(n).fill(name), new Int32Array(n).fill(run), u, t, v];
        }
      }
    },
  };
}

export const effectsTask: Task<EffectsTaskData> = {
  name: "effects",
  description: "estimating τ (paper Eq. 1), the effect of a tag on a user's rating, for every user × catalog tag",
  sees: "the observed ratings (train/rating), the movies' tags (train/movie) and the positive tag labels (obstag ∪ rcttag); oracle estimators also the true P(R_R = 1 | movie)",
  truth: "τ of Eq. 1 for every user × catalog tag (truth/user_tag.csv; 0 for the tags a user does not like)",
  baselines: EFFECT_ESTIMATORS.map((e) => e.name),
  models: EFFECT_ESTIMATORS.map((e) => e.name),
  metrics: EFFECT_METRICS.map(([key, header]) => ({ key, header, formula: EFFECT_METRIC_FORMULAS[key] })),
  predictionColumns: [...EFFECT_PREDICTION_COLUMNS],
  options: [],
  async load(source) {
    return source.effectsData();
  },
  tables: effectsTables,
  fromTables: effectsFromTables,
  describe: (d) => describeEffectsData(d.data),
  async bench(d, config, dataset) {
    const truth = truthOf(d, dataset);
    const asked = config.models.length > 0 ? config.models : this.baselines;
    // Without truth/movie the oracle has no propensities: skipped, saying so.
    const names = asked.filter((n) => effectEstimator(n)!.oracle !== true || d.data.propensity !== undefined);
    if (names.length < asked.length) config.warn(`${dataset} has no truth/movie propensities: skipped ${asked.filter((n) => !names.includes(n)).join(", ")}`);
    if (names.length === 0) throw new InputError(`${dataset}: no truth/movie propensities, and every estimator asked needs them`);
    const result = runEffectsBench(d.data, truth, { estimators: names.map((n) => effectEstimator(n)!), runs: config.runs, seed: config.seed });
    return {
      markdown: formatEffectsMarkdown(result, d.data, `effects: estimating τ (Eq. 1) on ${dataset}`),
      json: formatEffectsJson(result, d.data, dataset),
      csv: formatEffectsCsv(result),
      predictions: config.predictions ? [predictionTable(d.data, names, config.runs, config.seed)] : [],
    };
  },
  score(d, table) {
    const truth = truthOf(d, table.file);
    const { estimate, given } = effectPredictions(d.data, table);
    const row = scoreEffects(estimate, truth.tau, d.data.users, d.data.catalogTags.length);
    return { row: { ...row }, notes: [`${given} of ${estimate.length} pairs given; the others are scored as τ̂ = 0`] };
  },
};
