/**
 * Naive-Bayes propensities of observed ratings (Schnabel et al., "Recommendations as Treatments",
 * ICML 2016, §5.2), estimated from a small uniform sample:
 *   p_y = P(O = 1 | R = y) = P(R = y | O = 1) · P(O = 1) / P(R = y),
 * with P(R | O = 1) the rating shares among the MNAR ratings, P(R) the shares in the uniform
 * training slice and P(O = 1) = |O| / (|U|·|M|). Ratings are grouped by their nearest integer
 * (the levels of a rounded scale); each level's count gets +1 in both samples (Laplace), so that a
 * level the small uniform slice misses keeps a finite weight. Returned as the IPS weight of each
 * MNAR row, w = |O| / (|U|·|M|·p_y) = P(R = y) / P(R = y | O = 1).
 */
import type { RatingTrainData } from "./rating-baseline.js";

export function naiveBayesRatingWeights(data: RatingTrainData): Float64Array {
  const { mnar, uniform } = data;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of [mnar, uniform]) for (let i = 0; i < s.n; i++) {
    const y = Math.round(s.label[i]!);
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const levels = hi - lo + 1;
  const obs = new Float64Array(levels).fill(1);
  const uni = new Float64Array(levels).fill(1);
  for (let i = 0; i < mnar.n; i++) obs[Math.round(mnar.label[i]!) - lo]!++;
  for (let i = 0; i < uniform.n; i++) uni[Math.round(uniform.label[i]!) - lo]!++;
  const obsTotal = mnar.n + levels;
  const uniTotal = uniform.n + levels;
  return Float64Array.from(mnar.label.subarray(0, mnar.n), (y) => {
    const l = Math.round(y) - lo;
    return uni[l]! / uniTotal / (obs[l]! / obsTotal);
  });
}
