/**
 * MF: matrix factorisation trained on ALL with the batch-mean squared loss (the CTAR authors'
 * baseline; docs/baselines.md#mf). Defaults are theirs: batch 2048, dim 40, lr 1e-3, wd 0.1.
 */
import { factorPredictor } from "./factorization.js";
import { fitFactorModel } from "./fit-factor.js";
import type { FactorModelOptions, Model } from "./model.js";

export type MfOptions = FactorModelOptions;

export const mf: Model<MfOptions> = {
  name: "mf",
  description: "matrix factorisation on ALL, batch-mean squared loss (CTAR Table 3 'MF')",
  defaults: { dim: 40, batch: 2048, lr: 1e-3, weightDecay: 0.1, initSd: 0.1 },
  train(data, o, ctx) {
    const { theta, view } = fitFactorModel(
      data.all,
      { ...o, users: data.users, tags: data.tags, epochs: ctx.epochs, precision: ctx.precision, w0: 1, w1: 1, mean: true },
      ctx.stream("init"),
      ctx.stream("shuffle"),
    );
    return factorPredictor(theta, view);
  },
};
