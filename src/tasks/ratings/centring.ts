/**
 * The global rating level. The factor models of src/models/ have no global bias (their targets are
 * 0/1 labels); on a 1–5 scale a pair whose user and movie were rarely seen would be predicted near
 * 0. So every ratings baseline trains on r − μ and predicts μ + ŷ, with μ the training ratings'
 * mean under the model's own weights (plain for MF, the IPS weights for MF-IPS and MF-SNIPS: the
 * SNIPS estimate of the population's mean rating).
 */
import type { LabelSet } from "../../labels/label-set.js";
import type { Predictor } from "../../models/model.js";

export function weightedMean(set: LabelSet, weight: Float64Array | null): number {
  let s = 0;
  let w = 0;
  for (let i = 0; i < set.n; i++) {
    const wi = weight === null ? 1 : weight[i]!;
    s += wi * set.label[i]!;
    w += wi;
  }
  return w > 0 ? s / w : 0;
}

/** The set with μ taken off every rating. */
export function centred(set: LabelSet, mu: number): LabelSet {
  return { n: set.n, user: set.user, tag: set.tag, label: Float64Array.from(set.label.subarray(0, set.n), (r) => r - mu) };
}

/** The predictor with μ added back. */
export function shifted(p: Predictor, mu: number): Predictor {
  return {
    predict(user, item, out) {
      p.predict(user, item, out);
      for (let i = 0; i < user.length; i++) out[i] = out[i]! + mu;
    },
  };
}
