/**
 * A rank-k least-squares fit of a sparse users × movies matrix Z (zeros where no entry is listed):
 * Z V Vᵀ with V the top-k right singular subspace, found by subspace iteration (Halko, Martinsson
 * & Tropp 2011, Alg. 4.3 without oversampling). On 0/1 outcomes it is PureSVD (Cremonesi, Koren
 * & Turrin 2010); on IPS labels of the effect it is a pointwise fit of the unbiased estimate of τ
 * (the idea of Sato et al.'s ULRMF, which fits the same labels pairwise). Cost per iteration:
 * 2·nnz·k plus (users + movies)·k²; memory (users + movies)·k.
 */
import type { Stream } from "../../rng/stream.js";

/** Z in rows by user: entries start[u]..start[u+1]−1 are (col, val). */
export interface SparseRows {
  readonly users: number;
  readonly movies: number;
  readonly start: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

export interface LowRank {
  readonly k: number;
  /** Z V, users × k, row-major. */
  readonly w: Float64Array;
  /** V, movies × k, row-major, orthonormal columns. */
  readonly v: Float64Array;
}

/** Modified Gram–Schmidt on the k columns of a row-major n × k matrix (a zero column stays zero). */
function orthonormalise(a: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let l = 0; l < j; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += a[i * k + j]! * a[i * k + l]!;
      for (let i = 0; i < n; i++) a[i * k + j]! -= dot * a[i * k + l]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += a[i * k + j]! ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) a[i * k + j] = norm > 1e-12 ? a[i * k + j]! / norm : 0;
  }
}

/** W = Z V. */
function times(z: SparseRows, v: Float64Array, k: number, w: Float64Array): void {
  w.fill(0);
  for (let u = 0; u < z.users; u++) {
    for (let e = z.start[u]!; e < z.start[u + 1]!; e++) {
      const m = z.col[e]!;
      const x = z.val[e]!;
      for (let j = 0; j < k; j++) w[u * k + j]! += x * v[m * k + j]!;
    }
  }
}

/** V = Zᵀ W. */
function timesTransposed(z: SparseRows, w: Float64Array, k: number, v: Float64Array): void {
  v.fill(0);
  for (let u = 0; u < z.users; u++) {
    for (let e = z.start[u]!; e < z.start[u + 1]!; e++) {
      const m = z.col[e]!;
      const x = z.val[e]!;
      for (let j = 0; j < k; j++) v[m * k + j]! += x * w[u * k + j]!;
    }
  }
}

export function lowRankFit(z: SparseRows, rank: number, iterations: number, rng: Stream): LowRank {
  const k = Math.max(1, Math.min(rank, z.users, z.movies));
  const v = Float64Array.from({ length: z.movies * k }, () => rng.normal());
  const w = new Float64Array(z.users * k);
  orthonormalise(v, z.movies, k);
  for (let it = 0; it < iterations; it++) {
    times(z, v, k, w);
    orthonormalise(w, z.users, k);
    timesTransposed(z, w, k, v);
    orthonormalise(v, z.movies, k);
  }
  times(z, v, k, w);
  return { k, w, v };
}

/** Row u of the fit, (Z V Vᵀ)_{u,·}, into out. */
export function lowRankRow(f: LowRank, u: number, out: Float64Array): void {
  const { k, w, v } = f;
  for (let m = 0; m < out.length; m++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += w[u * k + j]! * v[m * k + j]!;
    out[m] = s;
  }
}
