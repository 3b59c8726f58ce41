/**
 * The exact population risk of a rating predictor ŷ, what no real dataset can give:
 *
 *   risk(ŷ) = (1/(|U|·|M|)) Σ_u Σ_m E[(R_{u,m} − ŷ_{u,m})²]
 *           = (1/(|U|·|M|)) Σ_u Σ_m ( E[R²] − 2 ŷ E[R] + ŷ² ),   i.e. Var(R) + (E[R] − ŷ)² per pair,
 *
 * with the moments of R given (Q_m, |TL_{u,m}|) in closed form (mechanisms/rating-expectation.ts),
 * tabulated once per movie and |TL| = 0..(most tags of a movie). |TL_{u,m}| = |TM_m ∩ TU_u| is
 * counted per user from the postings of u's liked tags (as the tag-overlap mechanism does), and ŷ
 * is asked one user at a time: memory is the table, the tag lists and one row of |M| values,
 * never users × movies.
 */
import { RatingExpectation, type RatingModel } from "../../mechanisms/rating-expectation.js";

/** What the population risk needs (written by `ctar task ratings` as three tables). */
export interface PopulationTruth {
  readonly users: number;
  readonly movies: number;
  /** Columns of the moment tables: |TL| = 0..width−1. */
  readonly width: number;
  /** E[R | Q_m, |TL| = k] and E[R² | …] at m · width + k. */
  readonly mean: Float64Array;
  readonly second: Float64Array;
  /** TM: the tags of movie m are tmTag[tmStart[m]..tmStart[m+1]). */
  readonly tmStart: Int32Array;
  readonly tmTag: Int32Array;
  /** TU: the liked tags of user u are tuTag[tuStart[u]..tuStart[u+1]) (distinct). */
  readonly tuStart: Int32Array;
  readonly tuTag: Int32Array;
}

/** The moment tables of a rating model over the movies' qualities. */
export function momentTables(model: RatingModel, quality: Float64Array, width: number): { mean: Float64Array; second: Float64Array } {
  const e = new RatingExpectation(model);
  const mean = new Float64Array(quality.length * width);
  const second = new Float64Array(quality.length * width);
  for (let m = 0; m < quality.length; m++) {
    for (let k = 0; k < width; k++) {
      mean[m * width + k] = e.expected(quality[m]!, k);
      second[m * width + k] = e.secondMoment(quality[m]!, k);
    }
  }
  return { mean, second };
}

/** Fills `out` (length |M|) with user u's predictions. */
export type RowPredictor = (u: number, out: Float64Array) => void;

export class PopulationRisk {
  private readonly postStart: Int32Array;
  private readonly postMovie: Int32Array;
  private readonly L: Uint8Array;
  private readonly yhat: Float64Array;

  constructor(readonly truth: PopulationTruth) {
    const { tmStart, tmTag, movies } = truth;
    let tags = 0;
    for (const t of tmTag) tags = Math.max(tags, t + 1);
    for (const t of truth.tuTag) tags = Math.max(tags, t + 1);
    this.postStart = new Int32Array(tags + 1);
    for (const t of tmTag) this.postStart[t + 1]!++;
    for (let t = 0; t < tags; t++) this.postStart[t + 1]! += this.postStart[t]!;
    const fill = this.postStart.slice(0, tags);
    this.postMovie = new Int32Array(tmTag.length);
    for (let m = 0; m < movies; m++) for (let i = tmStart[m]!; i < tmStart[m + 1]!; i++) this.postMovie[fill[tmTag[i]!]!++] = m;
    this.L = new Uint8Array(movies);
    this.yhat = new Float64Array(movies);
  }

  /** |TL_{u,m}| for every movie into this.L. */
  private overlap(u: number): void {
    const { tuStart, tuTag } = this.truth;
    this.L.fill(0);
    for (let i = tuStart[u]!; i < tuStart[u + 1]!; i++) {
      const t = tuTag[i]!;
      if (t + 1 >= this.postStart.length) continue;
      for (let p = this.postStart[t]!; p < this.postStart[t + 1]!; p++) this.L[this.postMovie[p]!]!++;
    }
  }

  /** risk(ŷ) of the header, ŷ asked user by user. */
  risk(predict: RowPredictor): number {
    const { users, movies, width, mean, second } = this.truth;
    let total = 0;
    for (let u = 0; u < users; u++) {
      this.overlap(u);
      predict(u, this.yhat);
      let s = 0;
      for (let m = 0; m < movies; m++) {
        const at = m * width + Math.min(this.L[m]!, width - 1);
        const y = this.yhat[m]!;
        s += second[at]! - 2 * y * mean[at]! + y * y;
      }
      total += s;
    }
    return total / (users * movies);
  }
}
