/**
 * The generalized Cochran–Mantel–Haenszel statistic for general association (Landis, Heyman &
 * Koch 1978, "Average partial association in three-way contingency tables", Biometrics 34;
 * Agresti 2002, Categorical Data Analysis, §7.5), for a binary row variable (a missingness
 * indicator I), a column variable with C categories and K strata. Under conditional
 * independence of I and the column given the stratum, with the margins of each stratum fixed:
 *
 *   O_j = Σ_h n_1jh,   E_j = Σ_h n_1+h n_+jh / n_h,
 *   V_jj' = Σ_h n_1+h n_2+h / (n_h² (n_h − 1)) · (n_h n_+jh δ_jj' − n_+jh n_+j'h),
 *   Q = (O − E)ᵀ V⁻ (O − E)  ~  χ²(rank V)   (rank V = C − 1 when every column occurs).
 *
 * V⁻ is a generalized inverse, computed by an LDLᵀ factorisation that skips zero pivots
 * (columns that never occur, or only in strata where I is constant), so empty categories need
 * no special handling; df is the rank. The approximation needs large totals, not large strata
 * (it is valid for sparse strata, e.g. one stratum per movie), which is why it is used here.
 * One stratum gives (n − 1)/n times Pearson's X².
 */

export interface CmhResult {
  readonly statistic: number;
  readonly df: number;
  /** Σ_h n_h over strata that carry information (both values of I present, n_h ≥ 2). */
  readonly n: number;
}

/**
 * `ones[h·C + j]` counts I = 1 and `total[h·C + j]` all units in stratum h, column j.
 */
export function cmhGeneralAssociation(ones: Float64Array, total: Float64Array, strata: number, columns: number): CmhResult {
  const C = columns;
  const diff = new Float64Array(C);
  const v = new Float64Array(C * C);
  let n = 0;
  for (let h = 0; h < strata; h++) {
    let nh = 0;
    let n1 = 0;
    const base = h * C;
    for (let j = 0; j < C; j++) {
      nh += total[base + j]!;
      n1 += ones[base + j]!;
    }
    const n2 = nh - n1;
    if (nh < 2 || n1 === 0 || n2 === 0) continue;
    n += nh;
    const f = (n1 * n2) / (nh * nh * (nh - 1));
    for (let j = 0; j < C; j++) {
      const tj = total[base + j]!;
      if (tj === 0) continue;
      diff[j]! += ones[base + j]! - (n1 * tj) / nh;
      v[j * C + j]! += f * nh * tj;
      for (let k = 0; k < C; k++) {
        const tk = total[base + k]!;
        if (tk !== 0) v[j * C + k]! -= f * tj * tk;
      }
    }
  }
  return { ...quadraticForm(v, diff, C), n };
}

/** dᵀ V⁻ d and rank V for a symmetric positive semi-definite V (LDLᵀ, zero pivots skipped). */
export function quadraticForm(v: Float64Array, d: Float64Array, C: number): { statistic: number; df: number } {
  const L = new Float64Array(C * C);
  const D = new Float64Array(C);
  let scale = 0;
  for (let j = 0; j < C; j++) scale = Math.max(scale, v[j * C + j]!);
  const tol = scale * 1e-10;
  let rank = 0;
  for (let k = 0; k < C; k++) {
    let dk = v[k * C + k]!;
    for (let i = 0; i < k; i++) dk -= L[k * C + i]! * L[k * C + i]! * D[i]!;
    if (dk <= tol) continue; // a zero pivot: this column is a combination of earlier ones
    D[k] = dk;
    rank++;
    L[k * C + k] = 1;
    for (let j = k + 1; j < C; j++) {
      let s = v[j * C + k]!;
      for (let i = 0; i < k; i++) s -= L[j * C + i]! * L[k * C + i]! * D[i]!;
      L[j * C + k] = s / dk;
    }
  }
  const y = new Float64Array(C);
  let q = 0;
  for (let k = 0; k < C; k++) {
    if (D[k] === 0) continue;
    let s = d[k]!;
    for (let i = 0; i < k; i++) s -= L[k * C + i]! * y[i]!;
    y[k] = s;
    q += (s * s) / D[k]!;
  }
  return { statistic: q, df: rank };
}
