/**
 * Area under the ROC curve, exact, with tied scores counted as half (the Mann–Whitney U statistic
 * divided by n₊·n₋; equal to scikit-learn's `roc_auc_score`, which averages ranks of ties).
 *
 * Algorithm: the positive and the negative scores are sorted separately (native typed-array sort),
 * then one merge pass counts, for every positive, the negatives strictly below it and those equal
 * to it: AUC = Σ₊ (#{neg < s} + ½ #{neg = s}) / (n₊ n₋). O(n log n) time, O(n) memory.
 *
 * Returns null when the set holds a single class (AUC is undefined there), e.g. Test I.
 *
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`rocAuc: ${n} scores but ${labels.length} labels (expected the same number)`);
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    if (y === 1) nPos++;
    else if (y !== 0) throw new RangeError(`rocAuc: label ${i} is ${y} (expected 0 or 1)`);
    if (Number.isNaN(scores[i]!)) throw new RangeError(`rocAuc: score ${i} is NaN`);
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(nNeg);
  let ip = 0;
  let ineg = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] === 1) pos[ip++] = scores[i]!;
    else neg[ineg++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  // For each positive (ascending), advance `below` past negatives < s and `upto` past negatives ≤ s.
  let below = 0;
  let upto = 0;
  let sum = 0;
  for (let k = 0; k < nPos; k++) {
    const s = pos[k]!;
    while (below < nNeg && neg[below]! < s) below++;
    if (upto < below) upto = below;
    while (upto < nNeg && neg[upto]! <= s) upto++;
    sum += below + 0.5 * (upto - below);
  }
  return sum / (nPos * nNeg);
}
