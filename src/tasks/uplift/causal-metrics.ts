/**
 * The causal ranking metrics of Sato et al. ("Unbiased learning for the causal effect of
 * recommendation", RecSys 2020), against the exact effect τ_{u,m} of every pair
 * (docs/tasks-uplift.md#metrics): each user's movies ranked by a model's score,
 *   CP@k  = (1/|U|) Σ_u (1/k) Σ_{m in the top k of u} τ_{u,m}          (causal precision)
 *   CDCG  = (1/|U|) Σ_u Σ_m τ_{u,m} / log2(1 + rank_u(m))              (causal DCG, rank from 1)
 * Sato et al. score the realised τ = Y(1) − Y(0) ∈ {−1, 0, 1}; ctar scores its expectation, the
 * exact τ, which has the same mean and no sampling noise. Ties in a score are not broken by
 * movie id (which would reward the catalog order): a tied group shares its places, each member
 * taking the mean discount of the group's places, which is the expectation over uniformly random
 * tie-breaks, exactly.
 */

export const CP_KS = [10, 100] as const;

/** Per-user scratch and the discount prefix sums for `movies` movies. */
export class CausalRanking {
  private readonly order: Int32Array;
  /** cum[p] = Σ_{q < p} 1/log2(q + 2): the discount of places 0..p−1 (0-based). */
  private readonly cum: Float64Array;
  constructor(readonly movies: number) {
    this.order = new Int32Array(movies);
    this.cum = new Float64Array(movies + 1);
    for (let p = 0; p < movies; p++) this.cum[p + 1] = this.cum[p]! + 1 / Math.log2(p + 2);
  }

  /** One user's [CP@k for each k of `ks`..., CDCG] into out. */
  user(score: Float64Array, tau: Float64Array, ks: readonly number[], out: Float64Array): void {
    const n = this.movies;
    const order = this.order;
    for (let m = 0; m < n; m++) order[m] = m;
    // Comparisons, not a difference: −Infinity (a pair a predictions file leaves out) ties with itself.
    order.sort((a, b) => (score[b]! > score[a]! ? 1 : score[b]! < score[a]! ? -1 : 0));
    out.fill(0, 0, ks.length + 1);
    for (let a = 0; a < n; ) {
      let b = a + 1;
      let sum = tau[order[a]!]!;
      while (b < n && score[order[b]!] === score[order[a]!]) sum += tau[order[b++]!]!;
      const mean = sum / (b - a);
      ks.forEach((k, j) => {
        const kk = Math.min(k, n);
        if (a < kk) out[j]! += (mean * (Math.min(b, kk) - a)) / kk;
      });
      out[ks.length]! += mean * (this.cum[b]! - this.cum[a]!);
      a = b;
    }
  }
}

/** A model's score for every movie of user u, into out. */
export type UserScores = (u: number, out: Float64Array) => void;

/** The metrics averaged over users: { cp10, cp100, cdcg }. */
export function causalMetrics(users: number, movies: number, scores: UserScores, effects: UserScores): Record<string, number> {
  const ranking = new CausalRanking(movies);
  const score = new Float64Array(movies);
  const tau = new Float64Array(movies);
  const row = new Float64Array(CP_KS.length + 1);
  const total = new Float64Array(CP_KS.length + 1);
  for (let u = 0; u < users; u++) {
    scores(u, score);
    effects(u, tau);
    ranking.user(score, tau, CP_KS, row);
    for (let j = 0; j < row.length; j++) total[j]! += row[j]!;
  }
  const out: Record<string, number> = {};
  CP_KS.forEach((k, j) => (out[`cp${k}`] = total[j]! / users));
  out["cdcg"] = total[CP_KS.length]! / users;
  return out;
}
