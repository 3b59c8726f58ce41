/**
 * Scores one trained model on the test sets (and the population, when the truth is known):
 * MSE everywhere, ROC AUC where both classes occur (not on Test I, which is all positive).
 */
import type { LabelSet } from "../labels/label-set.js";
import { rocAuc } from "../metrics/auc.js";
import { meanSquaredError } from "../metrics/mse.js";
import type { Predictor } from "../models/model.js";
import { TEST_SETS, type BenchDataset, type TestSetName } from "./dataset.js";

export interface SetScore {
  readonly n: number;
  readonly mse: number | null;
  readonly auc: number | null;
}

/** Scores of one run: one entry per test set, plus `population` when the truth is known. */
export type RunScores = Record<string, SetScore>;

/** A run's raw scores on each test set, row for row (`bench --predictions`). */
export type TestPredictions = Record<TestSetName, Float64Array>;

function scoreWith(out: Float64Array, set: LabelSet): SetScore {
  return { n: set.n, mse: meanSquaredError(out, set.label), auc: rocAuc(out, set.label) };
}

export function scoreSet(model: Predictor, set: LabelSet): SetScore {
  const out = new Float64Array(set.n);
  model.predict(set.user, set.tag, out);
  return scoreWith(out, set);
}

/** Scores every test set and keeps the predictions the metrics were computed from. */
export function evaluateWithPredictions(model: Predictor, data: BenchDataset): { scores: RunScores; predictions: TestPredictions } {
  const scores: RunScores = {};
  const predictions = {} as TestPredictions;
  for (const name of TEST_SETS) {
    const set = data.tests[name];
    const out = new Float64Array(set.n);
    model.predict(set.user, set.tag, out);
    scores[name] = scoreWith(out, set);
    predictions[name] = out;
  }
  if (data.truth !== undefined) scores.population = scoreSet(model, data.truth);
  return { scores, predictions };
}

export function evaluate(model: Predictor, data: BenchDataset): RunScores {
  const scores: RunScores = {};
  for (const name of TEST_SETS) scores[name] = scoreSet(model, data.tests[name]);
  if (data.truth !== undefined) scores.population = scoreSet(model, data.truth);
  return scores;
}
