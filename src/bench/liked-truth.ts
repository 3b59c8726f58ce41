/**
 * The true liked-tag indicator τ′(u, t) of the paper's Eq. 2 as a label set over every user × every
 * catalog tag (label 1 iff u likes t), from the (user, liked tag) pairs: what the bench scores
 * models against. A liked tag outside 0..tags−1 is on no movie, so outside the population.
 */
import type { LabelSet } from "../labels/label-set.js";

/** The most (user, catalog tag) pairs the dense τ′ table may have (2^28: 2.3 GB of columns). */
export const TRUTH_PAIRS_MAX = 1 << 28;

/** τ′ over users × catalogTags (user-major, tags ascending); `likedUser[i]` likes `likedTag[i]`. */
export function likedTagTruth(users: number, tags: number, catalogTags: Int32Array, likedUser: ArrayLike<number>, likedTag: ArrayLike<number>): LabelSet {
  const n = users * catalogTags.length;
  if (n > TRUTH_PAIRS_MAX) throw new RangeError(`likedTagTruth: ${n} pairs, more than ${TRUTH_PAIRS_MAX}`);
  const liked = new Uint8Array(users * tags);
  for (let i = 0; i < likedUser.length; i++) {
    const t = likedTag[i]!;
    if (t < tags) liked[likedUser[i]! * tags + t] = 1;
  }
  const user = new Int32Array(n);
  const tag = new Int32Array(n);
  const label = new Float64Array(n);
  let i = 0;
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < catalogTags.length; k++, i++) {
      const t = catalogTags[k]!;
      user[i] = u;
      tag[i] = t;
      label[i] = liked[u * tags + t]!;
    }
  }
  return { n, user, tag, label };
}
