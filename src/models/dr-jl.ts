/**
 * DR-JL: doubly robust joint learning (Wang, Zhang, Sun & Qi, "Doubly Robust Joint Learning for
 * Recommendation on Data Missing Not at Random", ICML 2019). A prediction model f and an
 * imputation model g (both factor models) are trained alternately, batch by batch:
 *  - f minimises the doubly robust loss (1/|D|) Σ_D [ ê + o (e − ê) / p ], with e = (f − y)²,
 *    ê = (f − g)² (g's output is the imputed label) and p the Naive-Bayes propensity of the
 *    observed label. The sum over D (every user × tag) is estimated on `ratio` × batch uniformly
 *    drawn pairs; the observed part on a batch of ALL, scaled by |O|/|D|, so each observed example
 *    weighs r_y = P(O=1)/p_y = P(Y=y)/P(Y=y | O=1).
 *  - g minimises Σ_O r_y (e − ê)² on the same observed batch (after f's step).
 * Defaults follow MF's (dim 40, batch 2048, lr 1e-3, wd 0.1); they are not tuned.
 */
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addScoreGrad, addSquaredLossGrad, factorPredictor, factorTables, factorView, predictOne } from "./factorization.js";
import type { LabelSet } from "../labels/label-set.js";
import type { Model, Predictor, TrainContext } from "./model.js";
import { naiveBayesPropensity } from "./naive-bayes-propensity.js";
import { UniformPairs } from "./uniform-pairs.js";

export interface DrJlOptions {
  readonly [key: string]: number;
  readonly dim: number;
  readonly batch: number;
  readonly lr: number;
  readonly weightDecay: number;
  readonly imputationLr: number;
  readonly imputationDecay: number;
  readonly initSd: number;
  /** Uniform pairs per observed example in each step. */
  readonly ratio: number;
}

/** What the DR-JL loop needs: its options and the sizes. */
export interface DrJlFit extends DrJlOptions {
  readonly users: number;
  readonly items: number;
}

/**
 * The DR-JL loop on observed examples `set` (label = the target) with a weight per example (the
 * inverse-propensity ratio of the header), alternating f's and g's steps batch by batch; returns f.
 * Shared by the Table-3 model below and the ratings task's `dr-jl`.
 */
export function fitDrJl(set: LabelSet, weight: Float64Array, o: DrJlFit, ctx: Pick<TrainContext, "epochs" | "precision" | "stream">): Predictor {
  const fOpt = new DenseAdam(factorTables("", o.users, o.items, o.dim, o.weightDecay), { lr: o.lr, precision: ctx.precision });
  const gOpt = new DenseAdam(factorTables("", o.users, o.items, o.dim, o.imputationDecay), { lr: o.imputationLr, precision: ctx.precision });
  fOpt.initNormal(ctx.stream("init"), o.initSd);
  gOpt.initNormal(ctx.stream("init-imputation"), o.initSd);
  const f = factorView(fOpt, "", o.dim);
  const g = factorView(gOpt, "", o.dim);
  const order = new BatchOrder(set.n, o.batch, ctx.stream("shuffle"));
  const pairs = new UniformPairs(Math.max(1, Math.round(o.batch * o.ratio)), o.users, o.items, ctx.stream("pairs"));
  const imputed = new Float64Array(pairs.size);
  const fth = fOpt.theta;
  const gth = gOpt.theta;
  for (let e = 0; e < ctx.epochs; e++) {
    order.shuffle();
    for (let from = 0; from < set.n; from += o.batch) {
      const to = Math.min(set.n, from + o.batch);
      const b = to - from;
      // f step: imputed part on uniform pairs, observed correction r [(f−y)² − (f−g)²] whose
      // derivative in f is 2 r (g − y).
      pairs.refill();
      for (let i = 0; i < pairs.size; i++) imputed[i] = predictOne(gth, g, pairs.user[i]!, pairs.tag[i]!);
      const wu = 1 / pairs.size;
      addSquaredLossGrad(fth, fOpt.grad, f, pairs.user, pairs.tag, imputed, null, 0, pairs.size, wu, wu);
      for (let j = from; j < to; j++) {
        const i = order.perm[j]!;
        const u = set.user[i]!;
        const t = set.tag[i]!;
        addScoreGrad(fth, fOpt.grad, f, u, t, (2 * weight[i]! * (predictOne(gth, g, u, t) - set.label[i]!)) / b);
      }
      fOpt.step();
      // g step: r (e − ê)², derivative in g: 4 r (e − ê)(f − g).
      for (let j = from; j < to; j++) {
        const i = order.perm[j]!;
        const u = set.user[i]!;
        const t = set.tag[i]!;
        const y = set.label[i]!;
        const fy = predictOne(fth, f, u, t);
        const gy = predictOne(gth, g, u, t);
        const err = (fy - y) * (fy - y) - (fy - gy) * (fy - gy);
        addScoreGrad(gth, gOpt.grad, g, u, t, (4 * weight[i]! * err * (fy - gy)) / b);
      }
      gOpt.step();
    }
  }
  return factorPredictor(fth, f);
}

export const drJl: Model<DrJlOptions> = {
  name: "dr-jl",
  needsRct: true,
  description: "doubly robust joint learning with an imputation model (Wang et al. 2019), Naive-Bayes propensities",
  defaults: { dim: 40, batch: 2048, lr: 1e-3, weightDecay: 0.1, imputationLr: 1e-3, imputationDecay: 0.1, initSd: 0.1, ratio: 1 },
  train(data, o, ctx) {
    const { users, tags, all } = data;
    const p = naiveBayesPropensity(data.obs, data.rct, users, tags);
    // each observed example weighs r_y by its label
    const weight = Float64Array.from(all.label.subarray(0, all.n), (y) => (y === 1 ? p.r1 : p.r0));
    return fitDrJl(all, weight, { ...o, users, items: tags }, ctx);
  },
};
