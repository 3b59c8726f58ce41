/**
 * The ranking task's metrics (docs/tasks-ranking.md#metrics), over the test users' lists re-ranked
 * by a model's scores (ties: the lower movie id first), against the true relevance grades y:
 *   DCG@k  = Σ_{i ≤ k} (2^{y_i} − 1) / log2(i + 1),   nDCG@k = DCG@k / IDCG@k (Järvelin & Kekäläinen 2002)
 *   ERR    = Σ_i (1/i) · R_i · Π_{j < i} (1 − R_j),   R_i = (2^{y_i} − 1) / 2^{y_max} (Chapelle et al. 2009)
 * averaged over the test users whose list holds a relevant movie (y > 0), as ULTRA drops
 * queries without one (their nDCG is undefined).
 */
import type { TaskMetric } from "../task.js";
import { type RankingData, isTestUser } from "./ranking-data.js";

export const RANKING_METRICS: readonly TaskMetric[] = [
  { key: "ndcg5", header: "nDCG@5", formula: "mean over test users of DCG@5/IDCG@5, DCG@k = Σ_{i≤k} (2^{y_i} − 1)/log2(i + 1), y the true relevance grade R − 1" },
  { key: "ndcg10", header: "nDCG@10", formula: "as nDCG@5 with k = 10" },
  { key: "err", header: "ERR", formula: "mean over test users of Σ_i (1/i) R_i Π_{j<i} (1 − R_j), R_i = (2^{y_i} − 1)/2^{y_max}" },
];

export interface RankingScores {
  readonly ndcg5: number | null;
  readonly ndcg10: number | null;
  readonly err: number | null;
  /** Test users scored (a relevant movie in the list). */
  readonly users: number;
}

function dcg(gains: readonly number[], k: number): number {
  let s = 0;
  for (let i = 0; i < Math.min(k, gains.length); i++) s += gains[i]! / Math.log2(i + 2);
  return s;
}

function err(grades: readonly number[], maxGrade: number): number {
  let notStopped = 1;
  let s = 0;
  grades.forEach((y, i) => {
    const r = (2 ** y - 1) / 2 ** maxGrade;
    s += (notStopped * r) / (i + 1);
    notStopped *= 1 - r;
  });
  return s;
}

/** The metrics of one score per row (rows of train users are ignored). */
export function scoreRanking(d: RankingData, score: Float64Array): RankingScores {
  const L = d.length;
  let n = 0;
  let n5 = 0;
  let n10 = 0;
  let e = 0;
  const idx = Array.from({ length: L }, (_, j) => j);
  for (let u = 0; u < d.users; u++) {
    if (!isTestUser(u)) continue;
    const base = u * L;
    const grades = idx.map((j) => d.grade[base + j]!);
    if (!grades.some((y) => y > 0)) continue;
    const order = [...idx].sort((a, b) => score[base + b]! - score[base + a]! || d.movie[base + a]! - d.movie[base + b]!);
    const ranked = order.map((j) => grades[j]!);
    const gains = ranked.map((y) => 2 ** y - 1);
    const ideal = [...gains].sort((a, b) => b - a);
    n5 += dcg(gains, 5) / dcg(ideal, 5);
    n10 += dcg(gains, 10) / dcg(ideal, 10);
    e += err(ranked, d.maxGrade);
    n++;
  }
  return n === 0 ? { ndcg5: null, ndcg10: null, err: null, users: 0 } : { ndcg5: n5 / n, ndcg10: n10 / n, err: e / n, users: n };
}
