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

/**
 * MF's defaults (and MF-IPS's and MF-SNIPS's: the same model under other weights): the factors
 * decay more than the biases. One decay for both is poor on a rating scale: 1e-4 lets the factors
 * overfit (~20 ratings a user), and any decay that tames them also pulls the movie biases, which
 * carry most of a rating, towards 0. Chosen on the validation split of another world (seed 1,
 * split 5,45,50) over decays 0–0.1, epochs 20–400, dim 1–32, lr 0.01–0.1 (docs/tasks.md#baselines).
 */
export const RATING_MF_DEFAULTS = { ...RATING_FACTOR_DEFAULTS, weightDecay: 3e-4, biasDecay: 1e-4 } as const;
