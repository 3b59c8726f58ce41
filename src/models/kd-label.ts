/**
 * KD-Label: label-based knowledge distillation from uniform data (Liu, Cheng, Pan, Ming et al., "A
 * General Knowledge Distillation Framework for Counterfactual Recommendation via Uniform Data",
 * SIGIR 2020). A teacher MF is trained on the unbiased labels (RCT); the student MF is trained on
 * ALL plus, every step, `ratio` × batch uniformly drawn (user, tag) pairs labelled by the
 * teacher's prediction (clipped to [0, 1]), weighted by `alpha`:
 *   mean_batch (ŷ − y)² + alpha · mean_pairs (ŷ − teacher)².
 * Defaults: student as MF; teacher dim 40, batch 512, lr 1e-3, wd 0.1; alpha 1, ratio 1 (not tuned).
 */
import { BatchOrder } from "./batches.js";
import { DenseAdam } from "./dense-adam.js";
import { addSquaredLossGrad, factorPredictor, factorTables, factorView, predictOne } from "./factorization.js";
import { fitFactorModel } from "./fit-factor.js";
import type { FactorModelOptions, Model } from "./model.js";
import { UniformPairs } from "./uniform-pairs.js";

export interface KdLabelOptions extends FactorModelOptions {
  readonly teacherDim: number;
  readonly teacherBatch: number;
  readonly teacherLr: number;
  readonly teacherDecay: number;
  readonly alpha: number;
  readonly ratio: number;
}

export const kdLabel: Model<KdLabelOptions> = {
  name: "kd-label",
  needsRct: true,
  description: "label distillation from a teacher trained on RCT (Liu et al. 2020)",
  defaults: { dim: 40, batch: 2048, lr: 1e-3, weightDecay: 0.1, initSd: 0.1, teacherDim: 40, teacherBatch: 512, teacherLr: 1e-3, teacherDecay: 0.1, alpha: 1, ratio: 1 },
  train(data, o, ctx) {
    const { users, tags, all } = data;
    const teacher = fitFactorModel(
      data.rct,
      { users, tags, dim: o.teacherDim, batch: o.teacherBatch, lr: o.teacherLr, weightDecay: o.teacherDecay, initSd: o.initSd, epochs: ctx.epochs, precision: ctx.precision, w0: 1, w1: 1, mean: true },
      ctx.stream("teacher-init"),
      ctx.stream("teacher-shuffle"),
    );
    const opt = new DenseAdam(factorTables("", users, tags, o.dim, o.weightDecay), { lr: o.lr, precision: ctx.precision });
    opt.initNormal(ctx.stream("init"), o.initSd);
    const f = factorView(opt, "", o.dim);
    const order = new BatchOrder(all.n, o.batch, ctx.stream("shuffle"));
    const pairs = new UniformPairs(Math.max(1, Math.round(o.batch * o.ratio)), users, tags, ctx.stream("pairs"));
    const soft = new Float64Array(pairs.size);
    for (let e = 0; e < ctx.epochs; e++) {
      order.shuffle();
      for (let from = 0; from < all.n; from += o.batch) {
        const to = Math.min(all.n, from + o.batch);
        const w = 1 / (to - from);
        addSquaredLossGrad(opt.theta, opt.grad, f, all.user, all.tag, all.label, order.perm, from, to, w, w);
        pairs.refill();
        for (let i = 0; i < pairs.size; i++) soft[i] = Math.min(1, Math.max(0, predictOne(teacher.theta, teacher.view, pairs.user[i]!, pairs.tag[i]!)));
        const wp = o.alpha / pairs.size;
        // soft labels are never exactly 1 unless clipped; w0 = w1 so the class weight does not matter
        addSquaredLossGrad(opt.theta, opt.grad, f, pairs.user, pairs.tag, soft, null, 0, pairs.size, wp, wp);
        opt.step();
      }
    }
    return factorPredictor(opt.theta, f);
  },
};
