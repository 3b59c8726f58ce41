/**
 * MF-IPS: matrix factorisation on ALL weighted by inverse Naive-Bayes propensities (Schnabel et al.
 * 2016), as the CTAR authors ran it (docs/baselines.md#mf-ips): loss = SUM over the batch of
 * w_y (ŷ − y)², w_y = 1/p_y. Defaults are theirs: batch 256, dim 48, lr 1e-3, wd 1.
 */
import { factorPredictor } from "./factorization.js";
import { fitFactorModel } from "./fit-factor.js";
import type { FactorModelOptions, Model } from "./model.js";
import { naiveBayesPropensity } from "./naive-bayes-propensity.js";

export type MfIpsOptions = FactorModelOptions;

export const mfIps: Model<MfIpsOptions> = {
  name: "mf-ips",
  needsRct: true,
  description: "MF on ALL with inverse Naive-Bayes propensity weights, batch-sum loss (CTAR Table 3 'MF-IPS')",
  defaults: { dim: 48, batch: 256, lr: 1e-3, weightDecay: 1, initSd: 0.1 },
  train(data, o, ctx) {
    const p = naiveBayesPropensity(data.obs, data.rct, data.users, data.tags);
    const { theta, view } = fitFactorModel(
      data.all,
      { ...o, users: data.users, tags: data.tags, epochs: ctx.epochs, precision: ctx.precision, w0: 1 / p.p0, w1: 1 / p.p1, mean: false },
      ctx.stream("init"),
      ctx.stream("shuffle"),
    );
    return factorPredictor(theta, view);
  },
};
