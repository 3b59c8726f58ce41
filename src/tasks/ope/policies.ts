/**
 * The policies the `ope` task evaluates, each as top-k lists per user: the k most popular movies
 * for everyone, k uniform movies per user, a learnt policy (the top-k of an MF fitted on the
 * observed ratings, trained from the streams (policy seed, "ope", "policy-mf", 0, purpose), so
 * it is not the reward model of DM), and a user's policy file.
 */
import { InputError } from "../../errors/errors.js";
import type { ObservedRatings } from "../../truth/policy-value.js";
import { type Recommendations, type ScoredPairs, popularityPolicy, randomPolicy, topKByScore } from "../../truth/recommendations.js";
import { fitRewardModel } from "./reward-model.js";

/** Training epochs of the learnt ('mf') policy. */
export const POLICY_MF_EPOCHS = 100;

/** The k best of one row of scores (higher first, ties by smaller movie id). */
export function topKOfRow(score: Float64Array, k: number): Int32Array {
  const order = Array.from(score, (_, m) => m).sort((a, b) => score[b]! - score[a]! || a - b);
  return Int32Array.from(order.slice(0, Math.min(k, score.length)));
}

/** The learnt policy: per user, the k movies of highest R̂ under an MF fitted on the observed ratings. */
export function mfPolicy(users: number, movies: number, k: number, observed: ObservedRatings, seed: number): Recommendations {
  const model = fitRewardModel(users, movies, observed, { epochs: POLICY_MF_EPOCHS, precision: "f64", seed, run: 0 }, "policy-mf");
  const kk = Math.min(k, movies);
  const all = Int32Array.from({ length: movies }, (_, m) => m);
  const user = new Int32Array(movies);
  const score = new Float64Array(movies);
  const start = Int32Array.from({ length: users + 1 }, (_, u) => u * kk);
  const movie = new Int32Array(users * kk);
  for (let u = 0; u < users; u++) {
    model.predict(user.fill(u), all, score);
    movie.set(topKOfRow(score, kk), u * kk);
  }
  return { users, start, movie };
}

/** Builds the named policy; `file` is the policy file's scored pairs, read by the io edge. */
export function buildPolicy(name: string, users: number, movies: number, k: number, observed: ObservedRatings, seed: number, file?: { path: string; pairs: ScoredPairs }): Recommendations {
  let rec: Recommendations;
  if (name === "popularity") rec = popularityPolicy(users, movies, k);
  else if (name === "random") rec = randomPolicy(users, movies, k, seed);
  else if (name === "mf") rec = mfPolicy(users, movies, k, observed, seed);
  else if (name === "file" && file !== undefined) rec = topKByScore(users, file.pairs, k);
  else throw new RangeError(`buildPolicy: unknown policy '${name}'`);
  if (rec.movie.length === 0) throw new InputError(`${file?.path ?? name}: the policy recommends nothing (no user has a list; expected userid,movieid,score rows for some user)`);
  return rec;
}
