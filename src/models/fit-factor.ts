/**
 * The plain training loop shared by MF, MF-IPS and KD-Label's teacher: `epochs` passes over one
 * label set, reshuffled each epoch, one dense Adam step per batch, loss Σ_batch w_y (ŷ − y)² with
 * w_y = scale_y / (batch length if `mean`). Returns the trained parameters and view.
 */
import type { ParamArray, Precision } from "./adam-kernel.js";
import type { LabelSet } from "../labels/label-set.js";
import type { Stream } from "../rng/stream.js";
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addSquaredLossGrad, factorTables, factorView, type FactorView } from "./factorization.js";

export interface FitFactorOptions {
  readonly users: number;
  readonly tags: number;
  readonly dim: number;
  readonly batch: number;
  readonly lr: number;
  readonly weightDecay: number;
  readonly initSd: number;
  readonly epochs: number;
  /** Weight of label-0 and label-1 examples. */
  readonly w0: number;
  readonly w1: number;
  /** Divide the batch loss by the batch length (mean) or not (sum). */
  readonly mean: boolean;
  readonly precision: Precision;
}

export function fitFactorModel(set: LabelSet, o: FitFactorOptions, init: Stream, shuffle: Stream): { theta: ParamArray; view: FactorView } {
  const opt = new DenseAdam(factorTables("", o.users, o.tags, o.dim, o.weightDecay), { lr: o.lr, precision: o.precision });
  opt.initNormal(init, o.initSd);
  const f = factorView(opt, "", o.dim);
  const order = new BatchOrder(set.n, o.batch, shuffle);
  for (let e = 0; e < o.epochs; e++) {
    order.shuffle();
    for (let from = 0; from < set.n; from += o.batch) {
      const to = Math.min(set.n, from + o.batch);
      const s = o.mean ? 1 / (to - from) : 1;
      addSquaredLossGrad(opt.theta, opt.grad, f, set.user, set.tag, set.label, order.perm, from, to, o.w0 * s, o.w1 * s);
      opt.step();
    }
  }
  return { theta: opt.theta, view: f };
}
