/**
 * The ratings task's baselines that combine the data sources (docs/tasks.md#ratings-debiased-rating-prediction):
 *  - dr-jl: doubly robust joint learning (Wang, Zhang, Sun & Qi, ICML 2019; the loop of
 *    src/models/dr-jl.ts) on the ratings: an imputation model g of the rating and the predictor f,
 *    the observed part weighted by w = |O| / (|D| p) (Naive-Bayes p, as mf-ips).
 *  - kd-label: label distillation (Liu et al., SIGIR 2020): a teacher MF trained on the uniform
 *    slice labels `ratio` × batch uniformly drawn pairs (clipped to the rating range) each step;
 *    the student minimises mean_batch (ŷ − r)² + alpha · mean_pairs (ŷ − teacher)².
 * Both reuse the factor code of src/models/, share the ratings defaults and train on centred
 * ratings (centring.ts).
 */
import { BatchOrder } from "../../models/batches.js";
import { DenseAdam } from "../../models/dense-adam.js";
import { addSquaredLossGrad, factorPredictor, factorTables, factorView, predictOne } from "../../models/factorization.js";
import { fitDrJl } from "../../models/dr-jl.js";
import type { ModelOptions } from "../../models/model.js";
import { UniformPairs } from "../../models/uniform-pairs.js";
import { addWeightedLossGrad, fitWeighted } from "../../models/weighted-fit.js";
import { RATING_FACTOR_DEFAULTS, type RatingBaseline } from "./rating-baseline.js";
import { naiveBayesRatingWeights } from "./rating-propensity.js";
import { centred, shifted, weightedMean } from "./centring.js";

const num = (o: ModelOptions, k: string) => Number(o[k]);

export const ratingDrJl: RatingBaseline = {
  name: "dr-jl",
  description: "doubly robust joint learning with an imputation model (Wang et al. 2019), Naive-Bayes propensities",
  defaults: { ...RATING_FACTOR_DEFAULTS, imputationLr: 0.01, imputationDecay: 1e-4, ratio: 1 },
  train(data, o, ctx) {
    const w = naiveBayesRatingWeights(data);
    const mu = weightedMean(data.mnar, w);
    const fit = { users: data.users, items: data.movies, dim: num(o, "dim"), batch: num(o, "batch"), lr: num(o, "lr"), weightDecay: num(o, "weightDecay"), imputationLr: num(o, "imputationLr"), imputationDecay: num(o, "imputationDecay"), initSd: num(o, "initSd"), ratio: num(o, "ratio") };
    return shifted(fitDrJl(centred(data.mnar, mu), w, fit, ctx), mu);
  },
};

export const ratingKdLabel: RatingBaseline = {
  name: "kd-label",
  description: "label distillation from a teacher MF trained on the uniform slice (Liu et al. 2020)",
  defaults: { ...RATING_FACTOR_DEFAULTS, teacherDim: 16, teacherBatch: 16, teacherLr: 0.05, teacherDecay: 1e-3, alpha: 1, ratio: 1 },
  train(data, o, ctx) {
    const { users, movies } = data;
    const mu = weightedMean(data.mnar, null);
    const mnar = centred(data.mnar, mu);
    const teacherMu = weightedMean(data.uniform, null);
    const teacher = fitWeighted(
      centred(data.uniform, teacherMu),
      null,
      { users, items: movies, dim: num(o, "teacherDim"), batch: num(o, "teacherBatch"), lr: num(o, "teacherLr"), weightDecay: num(o, "teacherDecay"), initSd: num(o, "initSd"), epochs: ctx.epochs, precision: ctx.precision, normalise: "count" },
      ctx.stream("teacher-init"),
      ctx.stream("teacher-shuffle"),
    );
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of [data.mnar, data.uniform]) for (let i = 0; i < s.n; i++) [lo, hi] = [Math.min(lo, s.label[i]!), Math.max(hi, s.label[i]!)];
    const dim = num(o, "dim");
    const batch = num(o, "batch");
    const opt = new DenseAdam(factorTables("", users, movies, dim, num(o, "weightDecay")), { lr: num(o, "lr"), precision: ctx.precision });
    opt.initNormal(ctx.stream("init"), num(o, "initSd"));
    const f = factorView(opt, "", dim);
    const order = new BatchOrder(mnar.n, batch, ctx.stream("shuffle"));
    const pairs = new UniformPairs(Math.max(1, Math.round(batch * num(o, "ratio"))), users, movies, ctx.stream("pairs"));
    const soft = new Float64Array(pairs.size);
    for (let e = 0; e < ctx.epochs; e++) {
      order.shuffle();
      for (let from = 0; from < mnar.n; from += batch) {
        const to = Math.min(mnar.n, from + batch);
        addWeightedLossGrad(opt.theta, opt.grad, f, mnar, null, order.perm, from, to, 1 / (to - from));
        pairs.refill();
        // the teacher's rating (its own level added back), clipped to the scale, centred as the student's targets
        for (let i = 0; i < pairs.size; i++) soft[i] = Math.min(hi, Math.max(lo, predictOne(teacher.theta, teacher.view, pairs.user[i]!, pairs.tag[i]!) + teacherMu)) - mu;
        const wp = num(o, "alpha") / pairs.size;
        addSquaredLossGrad(opt.theta, opt.grad, f, pairs.user, pairs.tag, soft, null, 0, pairs.size, wp, wp);
        opt.step();
      }
    }
    return shifted(factorPredictor(opt.theta, f), mu);
  },
};
