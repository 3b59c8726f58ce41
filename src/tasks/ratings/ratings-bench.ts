/**
 * The ratings task's bench: every (baseline, run) trains with streams keyed ("ratings", baseline,
 * run, purpose) under the bench seed, then is scored on the MCAR test set (MSE, MAE, AUC, NDCG@5)
 * and against the exact population risk; figures are mean (sample sd) over runs, as in Table 3.
 * Runs in-process, in (baseline, run) order, so the output depends on nothing else.
 */
import { meanSd, type MeanSd } from "../../bench/summary.js";
import type { ModelOptions, Predictor } from "../../models/model.js";
import { SeedTree } from "../../rng/stream.js";
import type { MetricRow, TaskBenchConfig } from "../task.js";
import { type RatingBaseline, type RatingTrainData } from "./rating-baseline.js";
import type { RatingsData } from "./ratings-data.js";
import { PopulationRisk } from "./population-risk.js";
import { sampledScores } from "./ratings-metrics.js";

export interface RatingsModelResult {
  readonly name: string;
  readonly description: string;
  readonly options: ModelOptions;
  readonly runs: readonly MetricRow[];
  readonly summary: Readonly<Record<string, MeanSd | null>>;
  /** With predictions: each run's predictor. */
  readonly predictors?: readonly Predictor[];
}

export const RATING_METRIC_KEYS = ["mse", "mae", "auc", "ndcg5", "pop_risk", "gap"] as const;

export function trainData(data: RatingsData): RatingTrainData {
  return { users: data.users, movies: data.movies, mnar: data.mnar, oracle: data.oracle, uniform: data.uniformTrain };
}

/** The figures of one predictor: the sampled test metrics, the population risk and the gap. */
export function scoreRow(data: RatingsData, testPrediction: Float64Array, risk: number | null): MetricRow {
  const s = sampledScores(data.test, testPrediction);
  return { mse: s.mse, mae: s.mae, auc: s.auc, ndcg5: s.ndcg5, pop_risk: risk, gap: risk === null || s.mse === null ? null : s.mse - risk };
}

function predictorRisk(pop: PopulationRisk | undefined, model: Predictor, movies: number): number | null {
  if (pop === undefined) return null;
  const movie = Int32Array.from({ length: movies }, (_, m) => m);
  const user = new Int32Array(movies);
  return pop.risk((u, out) => {
    user.fill(u);
    model.predict(user, movie, out);
  });
}

export function runRatingsBench(data: RatingsData, baselines: readonly RatingBaseline[], config: TaskBenchConfig): RatingsModelResult[] {
  const train = trainData(data);
  const pop = "reason" in data.population ? undefined : new PopulationRisk(data.population);
  const total = baselines.length * config.runs;
  let done = 0;
  return baselines.map((b) => {
    const options = b.defaults;
    const runs: MetricRow[] = [];
    const predictors: Predictor[] = [];
    for (let run = 0; run < config.runs; run++) {
      const tree = new SeedTree(config.seed);
      const model = b.train(train, options, { epochs: config.epochs, precision: config.precision, stream: (purpose) => tree.stream("ratings", b.name, run, purpose) });
      const out = new Float64Array(data.test.n);
      model.predict(data.test.user, data.test.tag, out);
      runs.push(scoreRow(data, out, predictorRisk(pop, model, data.movies)));
      if (config.predictions) predictors.push(model);
      config.onProgress?.(++done, total, b.name, run);
    }
    const summary: Record<string, MeanSd | null> = {};
    for (const k of RATING_METRIC_KEYS) summary[k] = meanSd(runs.map((r) => r[k] ?? null));
    return { name: b.name, description: b.description, options, runs, summary, ...(config.predictions ? { predictors } : {}) };
  });
}
