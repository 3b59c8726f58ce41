/**
 * What a user's training rows say about one tag, as bit flags (user-labels.ts computes them; the
 * test sets read them).
 */
/** In K_u: labelled by RCTTag or ObsTag. */
export const KNOWN = 1;
/** Left unlabelled by O* for some movie (a Test I candidate). */
export const DROPPED = 2;
/** A tag of a movie the user rated (Test III skips it). */
export const RATED_TAG = 4;
/** In TU_u, the user's liked tags. */
export const LIKED = 8;
/** A (u, t) that no draw of Test II or III may return: in Test I or known from training. */
export const EXCLUDED = KNOWN | DROPPED;
