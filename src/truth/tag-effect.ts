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
import type { MovieTags } from "../mechanisms/values.js";
import { RatingExpectation, type RatingModel } from "./rating-expectation.js";

export class TagEffects {
  private readonly movies: number;
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
   */
  constructor(
    readonly tm: MovieTags,
    readonly quality: Float64Array,
    readonly model: RatingModel,
    readonly tagCount: number,
  ) {
    const movies = tm.start.length - 1;
    this.movies = movies;
    let most = 0;
    for (let m = 0; m < movies; m++) most = Math.max(most, tm.start[m + 1]! - tm.start[m]!);
    this.width = most + 1;
    const e = new RatingExpectation(model);
    this.delta = new Float64Array(movies * this.width);
    for (let m = 0; m < movies; m++) {
      for (let k = 0; k < this.width; k++) this.delta[m * this.width + k] = e.increment(quality[m]!, k);
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
  }

  /** Δ of movie m at k liked tags (k ≤ the most tags of a movie). */
  increment(m: number, k: number): number {
    return this.delta[m * this.width + k]!;
  }

  /**
   * τ(u, t) for each liked tag of one user, in the order of `likedTags` (internal ids, no
   * duplicates), written to `out` (length ≥ likedTags.length).
   */
  tau(likedTags: Int32Array, out: Float64Array): void {
    const L = this.liked;
    const w = this.width;
    const d = this.delta;
    L.fill(0);
    for (let i = 0; i < likedTags.length; i++) {
      const t = likedTags[i]!;
      if (t < 0 || t >= this.tagCount) continue;
      for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) L[this.postMovie[p]!]!++;
    }
    let s = 0;
    for (let m = 0; m < this.movies; m++) s += d[m * w + L[m]!]!;
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
  }
}
