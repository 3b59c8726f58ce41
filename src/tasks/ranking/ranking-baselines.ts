/**
 * The ranking task's baselines (docs/tasks-ranking.md#baselines): pointwise linear scorers
 * s(x) = w · x over the observer features, fitted in closed form by least squares on the train
 * users' click log (ridge λ = RIDGE · n keeps the normal equations well posed), so each is exact
 * and deterministic (no epochs, no seed):
 *   naive        target c: the click, as if a non-click meant irrelevant
 *   ipw-oracle   target c / p_k with the exact examination probability p_k = k^−η (Joachims et al.
 *                2017; Wang et al. 2016): E[c / p_k | x, k] = P(A = 1 | x), unbiased for attraction
 *   ipw-swap     target c / p̂_k with p̂ estimated by result randomisation (swap-propensity.ts)
 * the dual learning algorithm `dla` (dual-learning.ts: a linear ranker and the examination curve
 * learnt together from the clicks alone), and two scorers without training: `logging` (the logged
 * order, −k) and `popularity`.
 */
import { dualLearning } from "./dual-learning.js";
import { type RankingData, isTestUser } from "./ranking-data.js";
import { swapPropensities } from "./swap-propensity.js";

export const RIDGE = 1e-6;

export interface RankingFit {
  /** One score per row of the data (test rows are what is scored). */
  readonly score: Float64Array;
  /** The examination curve p̂_k / p̂_1 the model estimated (index k − 1), for the models that estimate one. */
  readonly propensity?: Float64Array;
}

export interface RankingBaseline {
  readonly name: string;
  readonly description: string;
  fit(d: RankingData): RankingFit;
}

/** Solves A w = b (A symmetric positive definite, d × d row-major) by Gaussian elimination with partial pivoting. */
export function solve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const m = Float64Array.from(a);
  const w = Float64Array.from(b);
  for (let c = 0; c < d; c++) {
    let piv = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r * d + c]!) > Math.abs(m[piv * d + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < d; k++) [m[c * d + k], m[piv * d + k]] = [m[piv * d + k]!, m[c * d + k]!];
      [w[c], w[piv]] = [w[piv]!, w[c]!];
    }
    for (let r = c + 1; r < d; r++) {
      const f = m[r * d + c]! / m[c * d + c]!;
      for (let k = c; k < d; k++) m[r * d + k]! -= f * m[c * d + k]!;
      w[r]! -= f * w[c]!;
    }
  }
  for (let c = d - 1; c >= 0; c--) {
    let s = w[c]!;
    for (let k = c + 1; k < d; k++) s -= m[c * d + k]! * w[k]!;
    w[c] = s / m[c * d + c]!;
  }
  return w;
}

/** Least squares of target(i) on the features over the train users' rows; returns w. */
export function fitLinear(d: RankingData, target: (i: number, k: number) => number): Float64Array {
  const p = d.featureNames.length;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  let n = 0;
  for (let u = 0; u < d.users; u++) {
    if (isTestUser(u)) continue;
    for (let j = 0; j < d.length; j++) {
      const i = u * d.length + j;
      const t = target(i, j + 1);
      const off = i * p;
      for (let r = 0; r < p; r++) {
        b[r]! += d.features[off + r]! * t;
        for (let c = 0; c < p; c++) a[r * p + c]! += d.features[off + r]! * d.features[off + c]!;
      }
      n++;
    }
  }
  for (let r = 0; r < p; r++) a[r * p + r]! += RIDGE * Math.max(n, 1);
  return solve(a, b, p);
}

function linearScores(d: RankingData, w: Float64Array): Float64Array {
  const p = w.length;
  const s = new Float64Array(d.movie.length);
  for (let i = 0; i < s.length; i++) {
    let x = 0;
    for (let r = 0; r < p; r++) x += w[r]! * d.features[i * p + r]!;
    s[i] = x;
  }
  return s;
}

export const RANKING_BASELINES: readonly RankingBaseline[] = [
  { name: "logging", description: "the logged order (score −k)", fit: (d) => ({ score: Float64Array.from(d.movie, (_, i) => -(i % d.length)) }) },
  { name: "popularity", description: "the most popular first (score −movieid)", fit: (d) => ({ score: Float64Array.from(d.movie, (m) => -m) }) },
  { name: "naive", description: "linear least squares on the clicks", fit: (d) => ({ score: linearScores(d, fitLinear(d, (i) => d.click[i]!)) }) },
  { name: "ipw-oracle", description: "linear least squares on c / p_k, exact p_k = k^−η", fit: (d) => ({ score: linearScores(d, fitLinear(d, (i) => d.click[i]! / d.pExam[i]!)) }) },
  {
    name: "ipw-swap",
    description: "linear least squares on c / p̂_k, p̂ from the swapped lists",
    fit: (d) => {
      const { p } = swapPropensities(d);
      return { score: linearScores(d, fitLinear(d, (i, k) => d.click[i]! / p[k]!)), propensity: p.slice(1) };
    },
  },
  {
    name: "dla",
    description: "dual learning: a linear softmax ranker and the examination curve learnt together from the clicks",
    fit: (d) => {
      const { w, propensity } = dualLearning({ lists: d.users, length: d.length, features: d.features, dims: d.featureNames.length, click: d.click, train: (u) => !isTestUser(u) });
      return { score: linearScores(d, w), propensity };
    },
  },
];
