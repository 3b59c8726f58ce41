/**
 * Mean squared error of raw predictions against labels: (1/n) Σ (s_i − y_i)².
 * Returns null for an empty set (there is nothing to average).
 */
export function meanSquaredError(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError(`meanSquaredError: ${n} scores but ${labels.length} labels (expected the same number)`);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = scores[i]! - labels[i]!;
    s += d * d;
  }
  return s / n;
}
