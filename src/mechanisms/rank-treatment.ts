/**
 * Rec, exposure as a treatment (docs/tasks-uplift.md#the-world-ctar-uplift): was movie m
 * recommended to user u? The rank-based propensity of Sato, Takemori, Singh & Ohkuma ("Unbiased
 * learning for the causal effect of recommendation", RecSys 2020, semi-synthetic protocol): the
 * recommender ranks each user's movies and recommends the movie at rank r with probability
 *   P(Rec = 1 | r) = min(1, c · r^−p).
 * Its score is a noisy relevance: s_{u,m} = R_{u,m} + σ·ε_{u,m} (ε standard normal from this
 * node's stream), r_{u,m} = 1 + #{m′ : s_{u,m′} > s_{u,m}} + #{m′ < m : s_{u,m′} = s_{u,m}}. The
 * recommender thus targets the movies a user rates highly, which is what confounds the naive
 * contrast of recommended and unrecommended pairs: R causes both Rec and the outcome Y. The exact
 * propensity of every pair is part of the value (`propensity`), the oracle of IPS estimators.
 * Defaults c = 0.5, p = 0.5: every pair keeps both arms possible (0 < P ≤ 0.5), about 2c·√|M|
 * recommendations per user (31 of 1,000). A c above 1 asks for probabilities above 1 at the top
 * ranks: they are clipped to 1 and reported (the same ranks for every user, so said once).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { thinnedBernoulli } from "../rng/sample.js";
import type { Stream } from "../rng/stream.js";
import { defineMechanism } from "./mechanism.js";
import { expectFloatRow } from "./values.js";

export const rankTreatmentParams = z
  .object({
    c: z.number().gt(0).default(0.5),
    p: z.number().min(0).default(0.5),
    noise: z.number().min(0).default(1),
  })
  .strict();

/** P(Rec = 1) by rank: min(1, c · r^−p) for r = 1..n, and how many ranks were clipped. */
export function rankPropensities(n: number, c: number, p: number): { byRank: Float64Array; clipped: number } {
  const byRank = new Float64Array(n);
  let clipped = 0;
  for (let r = 1; r <= n; r++) {
    const x = c * r ** -p;
    if (x > 1) clipped++;
    byRank[r - 1] = Math.min(1, x);
  }
  return { byRank, clipped };
}

/** Each movie's 1-based rank by decreasing score, ties in movie order (`order` is scratch space). */
export function ranksOf(score: Float64Array, order: Int32Array, rank: Int32Array): void {
  for (let m = 0; m < order.length; m++) order[m] = m;
  order.sort((a, b) => score[b]! - score[a]! || a - b);
  for (let i = 0; i < order.length; i++) rank[order[i]!] = i + 1;
}

/** One user's treatment row: scores from R and noise, ranks, propensities, Bernoulli draws. */
function treatUser(r: Float64Array, noise: number, byRank: Float64Array, rng: Stream, s: { score: Float64Array; order: Int32Array; rank: Int32Array; propensity: Float64Array; treated: Uint8Array }): void {
  const { score, order, rank, propensity, treated } = s;
  for (let m = 0; m < r.length; m++) score[m] = noise > 0 ? r[m]! + noise * rng.normal() : r[m]!;
  ranksOf(score, order, rank);
  for (let m = 0; m < r.length; m++) propensity[m] = byRank[rank[m]! - 1]!;
  treated.fill(0);
  thinnedBernoulli(rng, propensity, 1, byRank[0] ?? 0, (m) => {
    treated[m] = 1;
  });
}

export const rankTreatment = defineMechanism({
  kind: "rank-treatment",
  family: "treatment",
  value: "treatment-row",
  description: "P(Rec = 1) = min(1, c · r^−p), r the movie's rank in the user's list ordered by R + noise·ε (Sato et al. 2020)",
  plates: ["user-movie"],
  params: rankTreatmentParams,
  setup: (ctx) => {
    const name = ctx.node.name;
    const parent = ctx.node.parents[0];
    if (parent === undefined || ctx.node.parents.length !== 1) {
      throw new GraphError(`node '${name}': rank-treatment needs exactly one parent, the relevance the recommender ranks by (like R; got ${ctx.node.parents.join(", ") || "none"})`);
    }
    const movies = ctx.dims.movies;
    const { c, p, noise } = ctx.params;
    const { byRank, clipped } = rankPropensities(movies, c, p);
    if (clipped > 0) ctx.warn(`node '${name}': c ${c} with p ${p} pushes P(${name} = 1) above 1 for the top ${clipped} of ${movies} ranks; clipped to 1 (those movies are always recommended, so their control arm is never observed)`);
    const scratch = { score: new Float64Array(movies), order: new Int32Array(movies), rank: new Int32Array(movies), propensity: new Float64Array(movies), treated: new Uint8Array(movies) };
    const value = { treated: scratch.treated, propensity: scratch.propensity };
    return {
      truth: { propensityByRank: byRank },
      forUser: ({ parents, rng }) => {
        treatUser(expectFloatRow(parents.get(parent), name, parent, movies), noise, byRank, rng, scratch);
        return value;
      },
    };
  },
});
