/**
 * CausE as the CTAR authors ran it (docs/baselines.md#cause-as-the-authors-ran-it), named `cause-ctar` to keep it apart from
 * the published CausE (`cause`, Bonner & Vasile 2018). Shared user embeddings P and both bias
 * tables; two tag tables Q_c and Q_t. Each epoch loops over the OBS batches, then the RCT batches;
 * every step, on either set, minimises
 *   mean((ŷ_c − y)²) + mean((ŷ_t − y)²) + λ · ‖Q_c[batch tags] − Q_t[batch tags]‖_F
 * with the Frobenius norm NOT squared, over the gathered rows (a tag present twice in the batch is
 * gathered twice, as PyTorch indexing does). Prediction uses Q_c. Defaults are the authors':
 * batch 2048, dim 28, lr 5e-3, wd 0.1, λ 0.1.
 */
import type { ParamArray } from "./adam-kernel.js";
import type { LabelSet } from "../labels/label-set.js";
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addSquaredLossGrad, factorPredictor, type FactorView } from "./factorization.js";
import type { FactorModelOptions, Model } from "./model.js";

export interface CauseCtarOptions extends FactorModelOptions {
  /** Weight λ of the (unsquared) Frobenius distance between the gathered Q_c and Q_t rows. */
  readonly distance: number;
}

/**
 * Adds λ·‖Q_c[tags] − Q_t[tags]‖_F's gradient for the batch idx[from..to); returns the norm. A tag
 * gathered n times contributes n times its row's square to the norm and n times its row's gradient,
 * so the rows are visited once per distinct tag with their count (`count` is scratch of one slot per
 * tag, all zero on entry and on return; `seen` has room for the batch).
 */
export function addFrobeniusTieGrad(
  th: ParamArray,
  gr: ParamArray,
  qc: number,
  qt: number,
  dim: number,
  tag: Int32Array,
  idx: Int32Array,
  from: number,
  to: number,
  lambda: number,
  count: Int32Array,
  seen: Int32Array,
): number {
  let distinct = 0;
  for (let j = from; j < to; j++) {
    const t = tag[idx[j]!]!;
    if (count[t]! === 0) seen[distinct++] = t;
    count[t]!++;
  }
  let ss = 0;
  for (let r = 0; r < distinct; r++) {
    const t = seen[r]!;
    const o = t * dim;
    let row = 0;
    for (let k = 0; k < dim; k++) {
      const d = th[qc + o + k]! - th[qt + o + k]!;
      row += d * d;
    }
    ss += count[t]! * row;
  }
  const norm = Math.sqrt(ss);
  if (norm !== 0) {
    const c = lambda / norm;
    for (let r = 0; r < distinct; r++) {
      const t = seen[r]!;
      const o = t * dim;
      const cn = c * count[t]!;
      for (let k = 0; k < dim; k++) {
        const d = cn * (th[qc + o + k]! - th[qt + o + k]!);
        gr[qc + o + k]! += d;
        gr[qt + o + k]! -= d;
      }
    }
  } // else the subgradient 0, as PyTorch's norm backward gives at 0
  for (let r = 0; r < distinct; r++) count[seen[r]!] = 0;
  return norm;
}

export const causeCtar: Model<CauseCtarOptions> = {
  name: "cause-ctar",
  needsRct: true,
  description: "CausE as the CTAR authors ran it: shared P and biases, Q_c/Q_t tied by an unsquared Frobenius norm (CTAR Table 3 'CausE')",
  defaults: { dim: 28, batch: 2048, lr: 5e-3, weightDecay: 0.1, initSd: 0.1, distance: 0.1 },
  train(data, o, ctx) {
    const { users, tags } = data;
    const d = o.dim;
    const wd = o.weightDecay;
    const opt = new DenseAdam(
      [
        { name: "P", rows: users, cols: d, weightDecay: wd },
        { name: "Qc", rows: tags, cols: d, weightDecay: wd },
        { name: "Qt", rows: tags, cols: d, weightDecay: wd },
        { name: "bu", rows: users, cols: 1, weightDecay: wd },
        { name: "bt", rows: tags, cols: 1, weightDecay: wd },
      ],
      { lr: o.lr, precision: ctx.precision },
    );
    opt.initNormal(ctx.stream("init"), o.initSd);
    const fc: FactorView = { dim: d, p: opt.at("P"), q: opt.at("Qc"), bu: opt.at("bu"), bt: opt.at("bt") };
    const ft: FactorView = { ...fc, q: opt.at("Qt") };
    const sets: Array<[LabelSet, BatchOrder]> = [
      [data.obs, new BatchOrder(data.obs.n, o.batch, ctx.stream("shuffle-obs"))],
      [data.rct, new BatchOrder(data.rct.n, o.batch, ctx.stream("shuffle-rct"))],
    ];
    const th = opt.theta;
    const gr = opt.grad;
    const count = new Int32Array(tags);
    const seen = new Int32Array(o.batch);
    for (let e = 0; e < ctx.epochs; e++) {
      for (const [set, order] of sets) {
        order.shuffle();
        for (let from = 0; from < set.n; from += o.batch) {
          const to = Math.min(set.n, from + o.batch);
          const w = 1 / (to - from);
          addSquaredLossGrad(th, gr, fc, set.user, set.tag, set.label, order.perm, from, to, w, w);
          addSquaredLossGrad(th, gr, ft, set.user, set.tag, set.label, order.perm, from, to, w, w);
          addFrobeniusTieGrad(th, gr, fc.q, ft.q, d, set.tag, order.perm, from, to, o.distance, count, seen);
          opt.step();
        }
      }
    }
    return factorPredictor(th, fc);
  },
};
