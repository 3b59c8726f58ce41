/**
 * The causal estimands of paper §3.2 on the structural model, by intervention on TM:
 *
 *   τ(u, t)  = (1/|M|) Σ_m ( E[R_{u,m} | do(t ∈ TM_m)] − E[R_{u,m} | do(t ∉ TM_m)] )   (Eq. 1)
 *   τ′(u, t) = I{τ(u, t) > 0}                                                          (Eq. 2)
 *
 * with everything else as generated: Q_m, the movie's other tags and the user's liked tags TU_u;
 * the expectation is over the rating noise of Eq. 5 only, rounding and clipping included.
 * TL = TM ∩ TU, so the intervention changes |TL_{u,m}| only when t ∈ TU_u: then it is
 * k_m + 1 against k_m, with k_m = |TL_{u,m} \ {t}|. For a tag the user does not like, both
 * arms are equal and τ = τ′ = 0 exactly (not computed).
 *
 * Cost: a table Δ[m][k] = E[R | Q_m, k + 1] − E[R | Q_m, k] for k = 0..(most tags of a movie) is
 * built once (|M| × (K + 1) normal-CDF sums). For user u, with L_m = |TL_{u,m}|,
 * S_u = Σ_m Δ[m][L_m]; a liked tag t changes only the movies that carry it (k_m = L_m − 1 there):
 * τ(u, t) = (S_u + Σ_{m ∋ t} (Δ[m][L_m − 1] − Δ[m][L_m])) / |M|.
 */
import type { MovieTags } from "../catalog/movie-tags.js";
import { RatingExpectation, type RatingModel } from "../mechanisms/rating-expectation.js";

/** τ′ of Eq. 2: 1 when the tag raises the user's expected rating, τ > 0. */
export function tauPrime(tau: number): 0 | 1 {
  return tau > 0 ? 1 : 0;
}

/*
 * The sign of τ is known exactly where its value is not. With rating noise (σ > 0) and a scale
 * with a step (min < max), every Δ[m][k] is a normal probability of an interval of width 1/2 times
 * a positive step, so it is > 0, and τ(u, t) > 0 for every liked tag on at least one movie — even
 * when the expectation is saturated (`--rating-mu -100`: every rating clips at max) and Δ
 * underflows to 0 in floating point. τ′ is then taken from that sign, not from the rounded τ, so
 * the truth agrees with the test labels (`islike`, the liked tags) at any parameters.
 */

export class TagEffects {
  private readonly movies: number;
  /** Every Δ is > 0 mathematically (the comment above `tauPrime`'s sign). */
  private readonly alwaysPositive: boolean;
  /** Δ[m * width + k]. */
  private readonly delta: Float64Array;
  private readonly width: number;
  private readonly postStart: Int32Array;
  private readonly postMovie: Int32Array;
  private readonly liked: Int32Array;

  /**
   * @param tm the movies' tags (internal ids), TM
   * @param quality Q_m of every movie, as generated
   * @param model the rating mechanism's parameters
   * @param tagCount number of internal tag ids
   * @param table Δ as `table` gave it on another TagEffects of the same arguments (a worker thread
   *   gets the main thread's, instead of computing the |M| × (K + 1) normal sums again)
   */
  constructor(
    readonly tm: MovieTags,
    readonly quality: Float64Array,
    readonly model: RatingModel,
    readonly tagCount: number,
    table?: Float64Array,
  ) {
    const movies = tm.start.length - 1;
    this.movies = movies;
    let most = 0;
    for (let m = 0; m < movies; m++) most = Math.max(most, tm.start[m + 1]! - tm.start[m]!);
    this.width = most + 1;
    this.alwaysPositive = model.sigma > 0 && model.min < model.max;
    if (table !== undefined && table.length === movies * this.width) this.delta = table;
    else {
      const e = new RatingExpectation(model);
      this.delta = new Float64Array(movies * this.width);
      for (let m = 0; m < movies; m++) {
        for (let k = 0; k < this.width; k++) this.delta[m * this.width + k] = e.increment(quality[m]!, k);
      }
    }
    // Postings: the movies that carry each tag.
    this.postStart = new Int32Array(tagCount + 1);
    for (let i = 0; i < tm.tag.length; i++) this.postStart[tm.tag[i]! + 1]!++;
    for (let t = 0; t < tagCount; t++) this.postStart[t + 1]! += this.postStart[t]!;
    const fill = this.postStart.slice(0, tagCount);
    this.postMovie = new Int32Array(tm.tag.length);
    for (let m = 0; m < movies; m++) {
      for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) this.postMovie[fill[tm.tag[k]!]!++] = m;
    }
    this.liked = new Int32Array(movies);
    this.touched = new Int32Array(movies);
    let base = 0;
    for (let m = 0; m < movies; m++) base += this.delta[m * this.width]!;
    this.base = base;
    // For the one-pass form (tauFromCounts): per (m, k ≥ 1), the share of movie m's change in
    // S_u that each of its k liked tags carries, and the change of one tag's removal.
    const w = this.width;
    this.pair = new Float64Array(2 * movies * w);
    for (let m = 0; m < movies; m++) {
      for (let k = 1; k < w; k++) {
        const at = m * w + k;
        this.pair[2 * at] = (this.delta[at]! - this.delta[m * w]!) / k;
        this.pair[2 * at + 1] = this.delta[at - 1]! - this.delta[at]!;
      }
    }
  }

  private readonly pair: Float64Array;

  /**
   * τ(u, t) as `tau`, given L_m = |TL_{u,m}| for every movie (the tag overlap's own counts): one
   * pass over the liked tags' postings, each posting adding its movie's share of S_u and the
   * tag's own change.
   */
  tauFromCounts(likedTags: Int32Array, L: Uint8Array, out: Float64Array): void {
    const w = this.width;
    const pt = this.pair;
    let s = this.base;
    for (let i = 0; i < likedTags.length; i++) {
      const t = likedTags[i]!;
      let own = 0;
      if (t >= 0 && t < this.tagCount) {
        for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) {
          const m = this.postMovie[p]!;
          const at = 2 * (m * w + L[m]!);
          s += pt[at]!;
          own += pt[at + 1]!;
        }
      }
      out[i] = own;
    }
    for (let i = 0; i < likedTags.length; i++) out[i] = (s + out[i]!) / this.movies;
  }

  /** Σ_m Δ[m][0]: S_u of a user who likes no tag of any movie. */
  private readonly base: number;
  private readonly touched: Int32Array;

  /** Δ[m * width + k], to hand to an identical TagEffects (the constructor's `table`). */
  get table(): Float64Array {
    return this.delta;
  }

  /** Δ of movie m at k liked tags (k ≤ the most tags of a movie). */
  increment(m: number, k: number): number {
    return this.delta[m * this.width + k]!;
  }

  /**
   * τ(u, t) for each liked tag of one user, in the order of `likedTags` (internal ids, no
   * duplicates), written to `out` (length ≥ likedTags.length).
   */
  /** τ′(u, t) for a liked tag t whose τ was computed as `tau`: from the exact sign where it is known. */
  tauPrimeOf(tag: number, tau: number): 0 | 1 {
    if (this.alwaysPositive) return this.postStart[tag + 1]! > this.postStart[tag]! ? 1 : 0;
    return tauPrime(tau);
  }

  tau(likedTags: Int32Array, out: Float64Array): void {
    const L = this.liked;
    const w = this.width;
    const d = this.delta;
    // S_u = Σ_m Δ[m][L_m], as Σ_m Δ[m][0] plus the change on the movies that carry a liked tag
    // (a user's cost is then the postings of their tags, not |M|).
    let touched = 0;
    for (let i = 0; i < likedTags.length; i++) {
      const t = likedTags[i]!;
      if (t < 0 || t >= this.tagCount) continue;
      for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) {
        const m = this.postMovie[p]!;
        if (L[m]!++ === 0) this.touched[touched++] = m;
      }
    }
    let s = this.base;
    for (let i = 0; i < touched; i++) {
      const m = this.touched[i]!;
      s += d[m * w + L[m]!]! - d[m * w]!;
    }
    for (let i = 0; i < likedTags.length; i++) {
      const t = likedTags[i]!;
      let v = s;
      if (t >= 0 && t < this.tagCount) {
        for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) {
          const m = this.postMovie[p]!;
          const at = m * w + L[m]!;
          v += d[at - 1]! - d[at]!;
        }
      }
      out[i] = v / this.movies;
    }
    for (let i = 0; i < touched; i++) L[this.touched[i]!] = 0;
  }
}
