/**
 * The ratings task's baselines (docs/tasks.md#ratings-debiased-rating-prediction has their citations and defaults):
 *  - mf: MF on the MNAR ratings, batch-mean squared loss (naive: the observed ratings as if MCAR);
 *  - mf-ips: inverse propensity scoring with Naive-Bayes propensities from the uniform training
 *    slice (Schnabel et al., ICML 2016, §5.2); mf-ips-oracle: the same with the exact propensities;
 *  - mf-snips: self-normalised IPS (Swaminathan & Joachims 2015; Schnabel et al. 2016), per batch;
 *  - cause: CausE (Bonner & Vasile 2018), control table from MNAR, treatment table from the slice.
 * IPS weighs an observed pair by w = |O| / (|U|·|M|·p), so that the batch mean of w·(ŷ − r)² is
 * the Horvitz–Thompson estimate of the population risk, (1/(|U|·|M|)) Σ_O (ŷ − r)² / p. Every
 * model trains on ratings less their (weighted) mean and adds it back (centring.ts).
 */
import { cause } from "../../models/cause.js";
import type { Model, ModelOptions, TrainContext } from "../../models/model.js";
import { factorPredictor } from "../../models/factorization.js";
import { fitWeighted } from "../../models/weighted-fit.js";
import { centred, shifted, weightedMean } from "./centring.js";
import { naiveBayesRatingWeights } from "./rating-propensity.js";
import { RATING_FACTOR_DEFAULTS, RATING_MF_DEFAULTS, type RatingBaseline, type RatingTrainData } from "./rating-baseline.js";

const num = (o: ModelOptions, k: string) => Number(o[k]);

function fit(data: RatingTrainData, weight: Float64Array | null, o: ModelOptions, ctx: TrainContext, normalise: "count" | "weights") {
  const mu = weightedMean(data.mnar, weight);
  const { theta, view } = fitWeighted(
    centred(data.mnar, mu),
    weight,
    { users: data.users, items: data.movies, dim: num(o, "dim"), batch: num(o, "batch"), lr: num(o, "lr"), weightDecay: num(o, "weightDecay"), ...(o["biasDecay"] === undefined ? {} : { biasDecay: num(o, "biasDecay") }), initSd: num(o, "initSd"), epochs: ctx.epochs, precision: ctx.precision, normalise },
    ctx.stream("init"),
    ctx.stream("shuffle"),
  );
  return shifted(factorPredictor(theta, view), mu);
}

/** w = |O| / (|U|·|M|·p) per MNAR row from the exact propensities. */
export function oracleWeights(data: RatingTrainData): Float64Array {
  const scale = data.mnar.n / (data.users * data.movies);
  return Float64Array.from(data.oracle!, (p) => scale / p);
}

export const ratingMf: RatingBaseline = {
  name: "mf",
  description: "MF on the MNAR ratings, batch-mean squared loss (naive)",
  defaults: RATING_MF_DEFAULTS,
  train: (data, o, ctx) => fit(data, null, o, ctx, "count"),
};

export const ratingMfIps: RatingBaseline = {
  name: "mf-ips",
  description: "MF with inverse Naive-Bayes propensities from the uniform slice (Schnabel et al. 2016)",
  defaults: RATING_MF_DEFAULTS,
  train: (data, o, ctx) => fit(data, naiveBayesRatingWeights(data), o, ctx, "count"),
};

export const ratingMfIpsOracle: RatingBaseline = {
  name: "mf-ips-oracle",
  description: "MF with inverse oracle propensities P(R_R = 1), exact from the world",
  needsOracle: true,
  defaults: RATING_MF_DEFAULTS,
  train: (data, o, ctx) => fit(data, oracleWeights(data), o, ctx, "count"),
};

export const ratingMfSnips: RatingBaseline = {
  name: "mf-snips",
  description: "MF with self-normalised inverse Naive-Bayes propensities, per batch (Schnabel et al. 2016)",
  defaults: RATING_MF_DEFAULTS,
  train: (data, o, ctx) => fit(data, naiveBayesRatingWeights(data), o, ctx, "weights"),
};

export const ratingCause: RatingBaseline = {
  name: "cause",
  description: "CausE (Bonner & Vasile 2018): control table from MNAR, treatment table from the uniform slice",
  defaults: { ...(cause.defaults as ModelOptions), ...RATING_FACTOR_DEFAULTS, controlDecay: 1e-4, treatmentDecay: 1e-4 },
  train(data, o, ctx) {
    const mu = weightedMean(data.mnar, null);
    const [obs, rct] = [centred(data.mnar, mu), centred(data.uniform, mu)];
    return shifted((cause as unknown as Model).train({ users: data.users, tags: data.movies, obs, rct, all: obs }, o, ctx), mu);
  },
};
