/**
 * The reward model of the direct method and of the doubly robust estimators: matrix factorisation
 * fitted on the observed ratings alone (the ratings task's `mf` baseline, src/models/ underneath),
 * predicting R̂ for any (user, movie). It is fitted once per run, from the streams
 * (seed, "ope", "reward-model", run, purpose), so a run's R̂ depends on nothing else.
 */
import type { Precision } from "../../models/adam-kernel.js";
import type { Predictor } from "../../models/model.js";
import { SeedTree } from "../../rng/stream.js";
import type { ObservedRatings, RewardModel } from "../../truth/policy-value.js";
import { ratingMf } from "../ratings/baselines.js";
import { RATING_FACTOR_DEFAULTS } from "../ratings/rating-baseline.js";

export interface RewardModelSettings {
  readonly epochs: number;
  readonly precision: Precision;
  readonly seed: number;
  readonly run: number;
}

/** MF on the observed ratings (CSR by user): a predictor of R̂. */
export function fitRewardModel(users: number, movies: number, observed: ObservedRatings, s: RewardModelSettings, key = "reward-model"): Predictor {
  const n = observed.movie.length;
  const user = new Int32Array(n);
  for (let u = 0; u < users; u++) user.fill(u, observed.start[u]!, observed.start[u + 1]!);
  const mnar = { n, user, tag: observed.movie, label: observed.rating };
  const empty = { n: 0, user: new Int32Array(0), tag: new Int32Array(0), label: new Float64Array(0) };
  const tree = new SeedTree(s.seed);
  return ratingMf.train({ users, movies, mnar, oracle: undefined, uniform: empty }, RATING_FACTOR_DEFAULTS, { epochs: s.epochs, precision: s.precision, stream: (purpose) => tree.stream("ope", key, s.run, purpose) });
}

/** The predictor as the per-user callback policy-value.ts reads. */
export function rewardModelOf(p: Predictor): RewardModel {
  let user = new Int32Array(0);
  return (u, movies, out) => {
    if (user.length < movies.length) user = new Int32Array(movies.length);
    const us = user.subarray(0, movies.length).fill(u);
    p.predict(us, movies, out);
  };
}
