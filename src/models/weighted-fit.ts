/**
 * The training loop of the weighted factor models (the ratings task's MF, MF-IPS and MF-SNIPS):
 * `epochs` passes over one labelled set, reshuffled each epoch, one dense Adam step per batch, on
 * the loss Σ_batch w_i (ŷ_i − y_i)² / norm_batch with a weight per example (1 for MF, an inverse
 * propensity for IPS) and, per batch, norm = the batch length (`normalise: "count"`: a mean) or
 * Σ_batch w_i (`"weights"`: self-normalised, SNIPS). Targets may be any numbers (ratings).
 */
import type { ParamArray, Precision } from "./adam-kernel.js";
import type { LabelSet } from "../labels/label-set.js";
import type { Stream } from "../rng/stream.js";
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addScoreGrad, factorTables, factorView, predictOne, type FactorView } from "./factorization.js";

export interface WeightedFitOptions {
  readonly users: number;
  readonly items: number;
  readonly dim: number;
  readonly batch: number;
  readonly lr: number;
  readonly weightDecay: number;
  /** Decay of the user and item biases (default: weightDecay). */
  readonly biasDecay?: number;
  readonly initSd: number;
  readonly epochs: number;
  readonly precision: Precision;
  readonly normalise: "count" | "weights";
}

/** Adds the gradient of Σ w_i (ŷ_i − y_i)² · scale over idx[from..to) to `gr`. */
export function addWeightedLossGrad(th: ParamArray, gr: ParamArray, f: FactorView, set: LabelSet, weight: Float64Array | null, idx: Int32Array, from: number, to: number, scale: number): void {
  for (let j = from; j < to; j++) {
    const i = idx[j]!;
    const u = set.user[i]!;
    const t = set.tag[i]!;
    const w = weight === null ? 1 : weight[i]!;
    addScoreGrad(th, gr, f, u, t, 2 * w * scale * (predictOne(th, f, u, t) - set.label[i]!));
  }
}

/** Fits ŷ = p_u·q_i + b_u + b_i on `set` (label = the target) with per-example weights (null: all 1). */
export function fitWeighted(set: LabelSet, weight: Float64Array | null, o: WeightedFitOptions, init: Stream, shuffle: Stream): { theta: ParamArray; view: FactorView } {
  const opt = new DenseAdam(factorTables("", o.users, o.items, o.dim, o.weightDecay, o.biasDecay), { lr: o.lr, precision: o.precision });
  opt.initNormal(init, o.initSd);
  const f = factorView(opt, "", o.dim);
  const order = new BatchOrder(set.n, o.batch, shuffle);
  for (let e = 0; e < o.epochs; e++) {
    order.shuffle();
    for (let from = 0; from < set.n; from += o.batch) {
      const to = Math.min(set.n, from + o.batch);
      let norm = to - from;
      if (o.normalise === "weights" && weight !== null) {
        norm = 0;
        for (let j = from; j < to; j++) norm += weight[order.perm[j]!]!;
      }
      addWeightedLossGrad(opt.theta, opt.grad, f, set, weight, order.perm, from, to, 1 / norm);
      opt.step();
    }
  }
  return { theta: opt.theta, view: f };
}
