/**
 * The uplift task's baselines (docs/tasks-uplift.md#baselines), each trained on the observed
 * (Rec, Y) of every pair and returning a score per (user, movie) to rank by:
 *  - popularity-y, puresvd-y: non-causal rankers of the outcome (how often the movie is watched;
 *    a rank-k fit of the Y matrix): they recommend what users watch, caused or not;
 *  - naive-item: per movie, mean Y of the recommended pairs − mean Y of the others;
 *  - ips-item-{oracle,estimated}: per movie, the IPS (Horvitz–Thompson) estimate of the mean
 *    effect, (1/|U|) Σ_u [Rec·Y/P − (1 − Rec)·Y/(1 − P)] (Sato et al. 2020, Eq. of the unbiased
 *    estimator of τ);
 *  - ips-svd-{oracle,estimated}: a rank-k fit (low-rank.ts) of the per-pair IPS labels
 *    z = Rec·Y/P − (1 − Rec)·Y/(1 − P): personalised, the pointwise form of ULRMF's idea.
 * Oracle: P is the world's exact propensity. Estimated: P̂_m = (pairs of movie m recommended)/|U|,
 * kept in [1/|U|, 1 − 1/|U|]: a per-movie rate, blind to the relevance the recommender ranks by.
 */
import { SeedTree } from "../../rng/stream.js";
import type { UserScores } from "./causal-metrics.js";
import { type SparseRows, lowRankFit, lowRankRow } from "./low-rank.js";
import type { UpliftData } from "./uplift-data.js";

export interface UpliftBaseline {
  readonly name: string;
  readonly description: string;
  /** Needs the exact propensities. */
  readonly oracle?: boolean;
  fit(d: UpliftData, seed: number): UserScores;
}

/** The rank and iterations of the low-rank fits (small and fast: docs/tasks-uplift.md). */
export const LOW_RANK = { rank: 10, iterations: 12 } as const;

/** The same score for every user: a per-movie value. */
const perMovie = (s: Float64Array): UserScores => (_u, out) => out.set(s);

/** Per movie: recommended pairs, recommended with Y = 1, not recommended with Y = 1. */
function movieCounts(d: UpliftData): { n1: Float64Array; y1: Float64Array; y0: Float64Array } {
  const n1 = new Float64Array(d.movies);
  const y1 = new Float64Array(d.movies);
  const y0 = new Float64Array(d.movies);
  for (let i = 0; i < d.movie.length; i++) {
    const m = d.movie[i]!;
    if (d.rec[i] === 1) {
      n1[m]!++;
      y1[m]! += d.y[i]!;
    } else y0[m]! += d.y[i]!;
  }
  return { n1, y1, y0 };
}

/** The propensity of each listed pair: the oracle's, or the per-movie estimate. */
function propensities(d: UpliftData, oracle: boolean): Float64Array {
  if (oracle) {
    if (d.propensity === undefined) throw new RangeError("uplift: an oracle baseline ran without propensities");
    return d.propensity;
  }
  const { n1 } = movieCounts(d);
  const lo = 1 / d.users;
  const pm = Float64Array.from(n1, (x) => Math.min(1 - lo, Math.max(lo, x / d.users)));
  return Float64Array.from(d.movie, (m) => pm[m]!);
}

/** The IPS label of each listed pair (every other pair has Y = 0 and label 0). */
function ipsLabels(d: UpliftData, p: Float64Array): Float64Array {
  return Float64Array.from(d.rec, (t, i) => (d.y[i] === 0 ? 0 : t === 1 ? 1 / p[i]! : -1 / (1 - p[i]!)));
}

function sparse(d: UpliftData, val: Float64Array): SparseRows {
  return { users: d.users, movies: d.movies, start: d.start, col: d.movie, val };
}

/** The fit's random start comes from the bench seed; it converges to the same subspace from any start, so one run. */
function lowRankScores(z: SparseRows, seed: number, name: string): UserScores {
  const fit = lowRankFit(z, LOW_RANK.rank, LOW_RANK.iterations, new SeedTree(seed).stream("uplift", name));
  return (u, out) => lowRankRow(fit, u, out);
}

function ipsItem(oracle: boolean): UpliftBaseline {
  return {
    name: `ips-item-${oracle ? "oracle" : "estimated"}`,
    description: `per movie, the IPS estimate of the mean effect with ${oracle ? "the exact" : "estimated per-movie"} propensities`,
    ...(oracle ? { oracle: true } : {}),
    fit(d) {
      const z = ipsLabels(d, propensities(d, oracle));
      const s = new Float64Array(d.movies);
      for (let i = 0; i < z.length; i++) s[d.movie[i]!]! += z[i]! / d.users;
      return perMovie(s);
    },
  };
}

function ipsSvd(oracle: boolean): UpliftBaseline {
  const name = `ips-svd-${oracle ? "oracle" : "estimated"}`;
  return {
    name,
    description: `rank-${LOW_RANK.rank} fit of the per-pair IPS labels with ${oracle ? "the exact" : "estimated per-movie"} propensities (ULRMF-style, pointwise)`,
    ...(oracle ? { oracle: true } : {}),
    fit: (d, seed) => lowRankScores(sparse(d, ipsLabels(d, propensities(d, oracle))), seed, name),
  };
}

export const UPLIFT_BASELINES: readonly UpliftBaseline[] = [
  {
    name: "popularity-y",
    description: "non-causal: the share of users who watch the movie (Y = 1), recommended or not",
    fit(d) {
      const s = new Float64Array(d.movies);
      for (let i = 0; i < d.movie.length; i++) s[d.movie[i]!]! += d.y[i]! / d.users;
      return perMovie(s);
    },
  },
  {
    name: "puresvd-y",
    description: `non-causal: a rank-${LOW_RANK.rank} fit of the Y matrix (PureSVD)`,
    fit: (d, seed) => lowRankScores(sparse(d, Float64Array.from(d.y)), seed, "puresvd-y"),
  },
  {
    name: "naive-item",
    description: "per movie, mean Y of the recommended pairs − mean Y of the others (0 when an arm is empty)",
    fit(d) {
      const { n1, y1, y0 } = movieCounts(d);
      return perMovie(Float64Array.from(n1, (n, m) => (n > 0 && n < d.users ? y1[m]! / n - y0[m]! / (d.users - n) : 0)));
    },
  },
  ipsItem(false),
  ipsItem(true),
  ipsSvd(false),
  ipsSvd(true),
];

export function upliftBaseline(name: string): UpliftBaseline | undefined {
  return UPLIFT_BASELINES.find((b) => b.name === name);
}
