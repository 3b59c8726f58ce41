/**
 * The generalized CMH score with a cluster-robust variance (Zhang & Boos 1997, "Mantel–Haenszel
 * test statistics for correlated binary data", Biometrics 53): when one user contributes a unit
 * to every movie stratum, the strata are not independent (a user who rates much and likes many
 * tags moves every stratum the same way), and the hypergeometric variance of cmh.ts understates
 * the spread. With p̂_h = P̂(I = 1 | stratum h) and π̂_hj = P̂(column j | stratum h) from the
 * counts, each user u contributes the score vector
 *
 *   s_u = Σ_h Σ_{units of u in h} (I − p̂_h)(e_col − π̂_h),
 *
 * whose sum over users is O − E of the CMH statistic; users are independent, so
 * V̂ = Σ_u s_u s_uᵀ estimates its covariance and Q = (Σ s_u)ᵀ V̂⁻ (Σ s_u) ~ χ²(rank V̂).
 * `add` takes one user's row at a time (so no users × movies table is kept).
 */
import { quadraticForm } from "./cmh.js";

export class ClusterScore {
  private readonly p: Float64Array;
  private readonly pi: Float64Array;
  private readonly s: Float64Array;
  private readonly sum: Float64Array;
  private readonly v: Float64Array;
  private users = 0;

  /**
   * `ones`/`total` are the stratum × column counts of a first pass over the same units
   * (strata × columns, row-major); the columns are those of `add`'s `col`.
   */
  constructor(
    ones: Float64Array,
    total: Float64Array,
    private readonly strata: number,
    private readonly columns: number,
  ) {
    const C = columns;
    this.p = new Float64Array(strata);
    this.pi = new Float64Array(strata * C);
    for (let h = 0; h < strata; h++) {
      let n = 0;
      let n1 = 0;
      for (let j = 0; j < C; j++) {
        n += total[h * C + j]!;
        n1 += ones[h * C + j]!;
      }
      if (n === 0) continue;
      this.p[h] = n1 / n;
      for (let j = 0; j < C; j++) this.pi[h * C + j] = total[h * C + j]! / n;
    }
    this.s = new Float64Array(C);
    this.sum = new Float64Array(C);
    this.v = new Float64Array(C * C);
  }

  /** One user's units: unit m has indicator ind[m], column col[m], stratum m (stratified) or 0. */
  add(ind: Uint8Array, col: Int32Array, stratified: boolean): void {
    const C = this.columns;
    const s = this.s;
    s.fill(0);
    let aTotal = 0;
    for (let m = 0; m < ind.length; m++) {
      const h = stratified ? m : 0;
      const a = ind[m]! - this.p[h]!;
      s[col[m]!]! += a;
      if (stratified) {
        const base = h * C;
        for (let j = 0; j < C; j++) s[j]! -= a * this.pi[base + j]!;
      } else aTotal += a;
    }
    if (!stratified) for (let j = 0; j < C; j++) s[j]! -= aTotal * this.pi[j]!;
    for (let j = 0; j < C; j++) {
      const sj = s[j]!;
      if (sj === 0) continue;
      this.sum[j]! += sj;
      for (let k = 0; k < C; k++) this.v[j * C + k]! += sj * s[k]!;
    }
    this.users++;
  }

  result(): { statistic: number; df: number; clusters: number } {
    return { ...quadraticForm(this.v, this.sum, this.columns), clusters: this.users };
  }
}
