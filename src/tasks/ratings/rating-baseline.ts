/**
 * A baseline of the ratings task: trained on the MNAR ratings (and, for some, the uniform training
 * slice or the oracle propensities), predicting a rating for any (user, movie). The factor models
 * reuse src/models/ (factorisation, dense Adam, the weighted loop, CausE as published).
 */
import type { LabelSet } from "../../labels/label-set.js";
import type { ModelOptions, Predictor, TrainContext } from "../../models/model.js";

export interface RatingTrainData {
  readonly users: number;
  readonly movies: number;
  /** Observed ratings (tag = movie, label = rating). */
  readonly mnar: LabelSet;
  /** Exact P(R_R = 1) per MNAR row, when the world records it. */
  readonly oracle: Float64Array | undefined;
  /** The uniform (MCAR) training slice. */
  readonly uniform: LabelSet;
}

export interface RatingBaseline {
  readonly name: string;
  readonly description: string;
  /** Uses the oracle propensities (skipped, with a warning, when the world records none). */
  readonly needsOracle?: boolean;
  readonly defaults: ModelOptions;
  train(data: RatingTrainData, options: ModelOptions, ctx: TrainContext): Predictor;
}

/** The factor-model defaults of every ratings baseline (rating scale: biases must reach ~3.5). */
export const RATING_FACTOR_DEFAULTS = { dim: 16, batch: 1024, lr: 0.01, weightDecay: 1e-4, initSd: 0.1 } as const;
