/**
 * Precision@k of each user's top tags: the share of the k tags with the highest estimate that the
 * user likes (τ′ = 1), averaged over users. Ties at the k-th place are not broken by position
 * (which would reward the column order): the tags tied at the boundary fill the remaining places
 * in expectation, each slot holding a liked tag with the tied group's liked share. That is the
 * mean precision over uniformly random tie-breaks, exactly.
 */

/**
 * Precision@k of one row: `score[from..from+n)` against `relevant[from..from+n)` (0/1).
 * k is capped at n.
 */
export function rowPrecisionAtK(score: Float64Array, relevant: Uint8Array, from: number, n: number, k: number, scratch: Float64Array): number {
  const kk = Math.min(k, n);
  if (kk <= 0) return 0;
  // The k-th largest score: sort a copy (descending by negating; rows are one user's tags).
  const row = scratch.subarray(0, n);
  for (let i = 0; i < n; i++) row[i] = -score[from + i]!;
  row.sort();
  const kth = -row[kk - 1]!;
  let above = 0;
  let hitsAbove = 0;
  let tied = 0;
  let hitsTied = 0;
  for (let i = 0; i < n; i++) {
    const s = score[from + i]!;
    if (s > kth) {
      above++;
      hitsAbove += relevant[from + i]!;
    } else if (s === kth) {
      tied++;
      hitsTied += relevant[from + i]!;
    }
  }
  return (hitsAbove + ((kk - above) * hitsTied) / tied) / kk;
}

/** Mean over users of rowPrecisionAtK, rows of `width` values, user-major. */
export function meanPrecisionAtK(score: Float64Array, relevant: Uint8Array, users: number, width: number, k: number): number | null {
  if (score.length !== users * width || relevant.length !== users * width) throw new RangeError(`precisionAtK: expected ${users} × ${width} scores and labels (got ${score.length} and ${relevant.length})`);
  if (users === 0 || width === 0) return null;
  const scratch = new Float64Array(width);
  let s = 0;
  for (let u = 0; u < users; u++) s += rowPrecisionAtK(score, relevant, u * width, width, k, scratch);
  return s / users;
}
