/**
 * Examination propensities estimated by result randomisation (Joachims, Swaminathan & Schnabel
 * 2017, §5): a swapped list puts the logging ranker's top movie at position k, so over the train
 * users (the swap is drawn independently of the list)
 *   E[click at k | swap = k] = p_k · E[attraction of the top movie] and
 *   E[click at 1 | no swap]  = p_1 · E[attraction of the top movie],
 * and p̂_k / p̂_1 = (click rate at k among lists swapped with k) / (click rate at 1 among unswapped
 * lists). IPW needs the curve up to a constant, so p̂_1 = 1; an estimate is capped at 1 and
 * floored at FLOOR (a position with no swapped list, or no click, would give a weight of 1/0).
 */
import { type RankingData, isTestUser } from "./ranking-data.js";

export const FLOOR = 0.01;

export interface SwapPropensities {
  /** p̂_k at index k (index 0 unused). */
  readonly p: Float64Array;
  /** Lists swapped with position k (index 1: the unswapped lists). */
  readonly lists: Int32Array;
}

export function swapPropensities(d: RankingData): SwapPropensities {
  const L = d.length;
  const clicks = new Float64Array(L + 1);
  const lists = new Int32Array(L + 1);
  for (let u = 0; u < d.users; u++) {
    if (isTestUser(u)) continue;
    const k = d.swap[u] === 0 ? 1 : d.swap[u]!;
    lists[k]! += 1;
    clicks[k]! += d.click[u * L + k - 1]!;
  }
  const p = new Float64Array(L + 1);
  const top = lists[1]! > 0 ? clicks[1]! / lists[1]! : 0;
  p[1] = 1;
  for (let k = 2; k <= L; k++) p[k] = top > 0 && lists[k]! > 0 ? Math.min(1, Math.max(FLOOR, clicks[k]! / lists[k]! / top)) : FLOOR;
  return { p, lists };
}
