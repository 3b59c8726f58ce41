/**
 * CausE as published (Bonner & Vasile, "Causal Embeddings for Recommendation", RecSys 2018,
 * CausE-prod): shared user embeddings P and biases, a control tag table Q_c learned from the biased
 * data (OBS) and a treatment tag table Q_t learned from the unbiased data (RCT), each with its own
 * L2 weight (coupled weight decay on that table), tied by the squared distance of each to a
 * stop-gradient copy of the other:
 *   OBS step: mean((ŷ_c − y)²) + λ · mean_batch ‖q_c,t − sg(q_t,t)‖²
 *   RCT step: mean((ŷ_t − y)²) + λ · mean_batch ‖q_t,t − sg(q_c,t)‖²
 * Each epoch loops over OBS batches then RCT batches (the same schedule as `cause-ctar`).
 * Prediction uses Q_c by default (`predictWith: "treatment"` uses Q_t). The defaults reuse the
 * CTAR authors' CausE settings (dim 28, batch 2048, lr 5e-3, wd 0.1); they are not tuned.
 */
import type { ParamArray } from "./adam-kernel.js";
import type { LabelSet } from "../labels/label-set.js";
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addSquaredLossGrad, factorPredictor, type FactorView } from "./factorization.js";
import type { Model } from "./model.js";

export interface CauseOptions {
  readonly [key: string]: number | string;
  readonly dim: number;
  readonly batch: number;
  readonly lr: number;
  /** Weight decay of P and the biases. */
  readonly weightDecay: number;
  /** L2 weights of the control and the treatment tag tables. */
  readonly controlDecay: number;
  readonly treatmentDecay: number;
  readonly initSd: number;
  /** λ of the distance to the other table's stop-gradient copy. */
  readonly distance: number;
  readonly predictWith: string;
}

/** Adds the gradient of λ·mean_batch ‖q_a,t − sg(q_b,t)‖² (only table a moves). */
function addStopGradTie(th: ParamArray, gr: ParamArray, qa: number, qb: number, dim: number, tag: Int32Array, idx: Int32Array, from: number, to: number, lambda: number): void {
  const c = (2 * lambda) / (to - from);
  for (let j = from; j < to; j++) {
    const t = tag[idx[j]!]! * dim;
    for (let k = 0; k < dim; k++) gr[qa + t + k]! += c * (th[qa + t + k]! - th[qb + t + k]!);
  }
}

export const cause: Model<CauseOptions> = {
  name: "cause",
  needsRct: true,
  description: "CausE as published (Bonner & Vasile 2018): Q_c from OBS, Q_t from RCT, each L2-regularised, tied by a stop-gradient distance",
  defaults: { dim: 28, batch: 2048, lr: 5e-3, weightDecay: 0.1, controlDecay: 0.1, treatmentDecay: 0.1, initSd: 0.1, distance: 0.1, predictWith: "control" },
  train(data, o, ctx) {
    if (o.predictWith !== "control" && o.predictWith !== "treatment") throw new RangeError(`cause: predictWith must be 'control' or 'treatment' (got '${o.predictWith}')`);
    const { users, tags } = data;
    const d = o.dim;
    const opt = new DenseAdam(
      [
        { name: "P", rows: users, cols: d, weightDecay: o.weightDecay },
        { name: "Qc", rows: tags, cols: d, weightDecay: o.controlDecay },
        { name: "Qt", rows: tags, cols: d, weightDecay: o.treatmentDecay },
        { name: "bu", rows: users, cols: 1, weightDecay: o.weightDecay },
        { name: "bt", rows: tags, cols: 1, weightDecay: o.weightDecay },
      ],
      { lr: o.lr, precision: ctx.precision },
    );
    opt.initNormal(ctx.stream("init"), o.initSd);
    const fc: FactorView = { dim: d, p: opt.at("P"), q: opt.at("Qc"), bu: opt.at("bu"), bt: opt.at("bt") };
    const ft: FactorView = { ...fc, q: opt.at("Qt") };
    const plan: Array<[LabelSet, BatchOrder, FactorView, FactorView]> = [
      [data.obs, new BatchOrder(data.obs.n, o.batch, ctx.stream("shuffle-obs")), fc, ft],
      [data.rct, new BatchOrder(data.rct.n, o.batch, ctx.stream("shuffle-rct")), ft, fc],
    ];
    const th = opt.theta;
    const gr = opt.grad;
    for (let e = 0; e < ctx.epochs; e++) {
      for (const [set, order, own, other] of plan) {
        order.shuffle();
        for (let from = 0; from < set.n; from += o.batch) {
          const to = Math.min(set.n, from + o.batch);
          const w = 1 / (to - from);
          addSquaredLossGrad(th, gr, own, set.user, set.tag, set.label, order.perm, from, to, w, w);
          addStopGradTie(th, gr, own.q, other.q, d, set.tag, order.perm, from, to, o.distance);
          opt.step();
        }
      }
    }
    return factorPredictor(th, o.predictWith === "control" ? fc : ft);
  },
};
