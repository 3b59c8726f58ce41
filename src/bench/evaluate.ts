/**
 * Scores one trained model on the test sets (and the population, when the truth is known):
 * MSE everywhere, ROC AUC where both classes occur (not on Test I, which is all positive).
 */
import type { LabelSet } from "../labels/label-set.js";
import { rocAuc } from "../metrics/auc.js";
import { meanSquaredError } from "../metrics/mse.js";
import type { Predictor } from "../models/model.js";
import { TEST_SETS, type BenchDataset } from "./dataset.js";

export interface SetScore {
  readonly n: number;
  readonly mse: number | null;
  readonly auc: number | null;
}

/** Scores of one run: one entry per test set, plus `population` when the truth is known. */
export type RunScores = Record<string, SetScore>;

export function scoreSet(model: Predictor, set: LabelSet): SetScore {
  const out = new Float64Array(set.n);
  model.predict(set.user, set.tag, out);
  return { n: set.n, mse: meanSquaredError(out, set.label), auc: rocAuc(out, set.label) };
}

export function evaluate(model: Predictor, data: BenchDataset): RunScores {
  const scores: RunScores = {};
  for (const name of TEST_SETS) scores[name] = scoreSet(model, data.tests[name]);
  if (data.truth !== undefined) scores.population = scoreSet(model, data.truth);
  return scores;
}
