/**
 * The ratings task's metrics on a sampled (MCAR) set, as papers compute them on Yahoo!R3 and Coat:
 *   MSE = mean (ŷ − r)², MAE = mean |ŷ − r|,
 *   AUC = ROC AUC of ŷ against the binarised rating r ≥ 4 (AutoDebias's binarisation),
 *   NDCG@5 = mean over users with at least one positive test pair of DCG@5 / IDCG@5, where the
 *   user's test pairs are ranked by ŷ (descending; ties by movie id), gain 1 for r ≥ 4, else 0,
 *   DCG@5 = Σ_{i<5} gain_i / log2(i + 2) and IDCG@5 the same of the best order.
 */
import type { LabelSet } from "../../labels/label-set.js";
import { rocAuc } from "../../metrics/auc.js";
import { meanSquaredError } from "../../metrics/mse.js";

/** The rating from which a pair counts as liked (AUC, NDCG). */
export const POSITIVE_RATING = 4;
export const NDCG_K = 5;

export interface SampledScores {
  readonly mse: number | null;
  readonly mae: number | null;
  readonly auc: number | null;
  readonly ndcg5: number | null;
}

function ndcgAt(set: LabelSet, yhat: Float64Array, k: number): number | null {
  const order = Int32Array.from({ length: set.n }, (_, i) => i).sort((a, b) => set.user[a]! - set.user[b]! || yhat[b]! - yhat[a]! || set.tag[a]! - set.tag[b]!);
  let sum = 0;
  let counted = 0;
  for (let s = 0; s < order.length; ) {
    let e = s;
    while (e < order.length && set.user[order[e]!] === set.user[order[s]!]) e++;
    let dcg = 0;
    let positives = 0;
    for (let i = s; i < e; i++) {
      const g = set.label[order[i]!]! >= POSITIVE_RATING ? 1 : 0;
      positives += g;
      if (i - s < k) dcg += g / Math.log2(i - s + 2);
    }
    if (positives > 0) {
      let ideal = 0;
      for (let i = 0; i < Math.min(k, positives); i++) ideal += 1 / Math.log2(i + 2);
      sum += dcg / ideal;
      counted++;
    }
    s = e;
  }
  return counted === 0 ? null : sum / counted;
}

export function sampledScores(set: LabelSet, yhat: Float64Array): SampledScores {
  if (set.n === 0) return { mse: null, mae: null, auc: null, ndcg5: null };
  let abs = 0;
  for (let i = 0; i < set.n; i++) abs += Math.abs(yhat[i]! - set.label[i]!);
  const liked = Float64Array.from(set.label.subarray(0, set.n), (r) => (r >= POSITIVE_RATING ? 1 : 0));
  return { mse: meanSquaredError(yhat, set.label.subarray(0, set.n)), mae: abs / set.n, auc: rocAuc(yhat, liked), ndcg5: ndcgAt(set, yhat, NDCG_K) };
}
