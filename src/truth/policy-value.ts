/**
 * Exact and estimated value of a recommendation policy (paper §7, counterfactual evaluation).
 * For users U_π with at least one recommendation, top-k lists π(u) and weights w_{u,m} = 1/(|U_π|·|π(u)|):
 *   true value  V = Σ w R_{u,m}                     (the potential outcomes, regenerated exactly)
 *   naive         = Σ w O R / Σ w O                 (mean observed rating among recommended pairs)
 *   IPS           = Σ w O R / p_m                   (Horvitz–Thompson; Schnabel et al. 2016)
 *   SNIPS         = (Σ w O R / p_m) / (Σ w O / p_m) (self-normalised; Swaminathan & Joachims 2015)
 *   DM            = Σ w R̂                          (direct method: a reward model's R̂, when given)
 *   DR            = DM + Σ w O (R − R̂) / p_m       (doubly robust; Dudík, Langford & Li 2011)
 * with O = 1 where the rating is observed (train/rating.csv) and p = P(R_R = 1 | u, m) exact (per
 * pair: the missingness node's recorded probability, which for the CTAR preset depends on the movie
 * only). With k movies for every user, w is constant and naive is the plain mean over observed
 * recommended pairs. IPS, SNIPS and DR are NaN when a user's missingness records no probability,
DM and DR without a reward model. The sums are ope-estimators.ts's.
 */
import { InputError } from "../errors/errors.js";
import { OpeSums } from "./ope-estimators.js";
import type { Recommendations } from "./recommendations.js";

/** Observed ratings grouped by user (CSR). */
export interface ObservedRatings {
  readonly start: Int32Array;
  readonly movie: Int32Array;
  readonly rating: Float64Array;
}

export interface PolicyValue {
  readonly users: number;
  readonly pairs: number;
  readonly observedPairs: number;
  readonly trueValue: number;
  readonly naive: number;
  readonly ips: number;
  readonly snips: number;
  readonly dm: number;
  readonly dr: number;
}

/** A reward model: writes R̂ of user u for each movie of `movies` into `out` (same length). */
export type RewardModel = (u: number, movies: Int32Array, out: Float64Array) => void;

/** Groups (user, movie, rating) rows by user. */
export function observedByUser(users: number, user: ArrayLike<number>, movie: ArrayLike<number>, rating: ArrayLike<number>): ObservedRatings {
  const start = new Int32Array(users + 1);
  for (let i = 0; i < user.length; i++) start[user[i]! + 1]!++;
  for (let u = 0; u < users; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, users);
  const m = new Int32Array(user.length);
  const r = new Float64Array(user.length);
  for (let i = 0; i < user.length; i++) {
    const at = fill[user[i]!]!++;
    m[at] = movie[i]!;
    r[at] = rating[i]!;
  }
  return { start, movie: m, rating: r };
}

/** Accumulates the policy's value user by user, as the engine regenerates each user's R row. */
export class PolicyValueAccumulator {
  private readonly mark: Float64Array;
  private readonly rHat: Float64Array;
  private readonly sums = new OpeSums();
  private readonly activeUsers: number;
  private sumTrue = 0;
  private pairs = 0;
  private observedPairs = 0;

  constructor(
    readonly rec: Recommendations,
    readonly observed: ObservedRatings,
    readonly movies: number,
    /** Names the dataset in the error raised when an observed rating is not the regenerated one. */
    readonly source: string,
    /** The reward model of DM and DR (absent: they are NaN). */
    readonly rewardModel?: RewardModel,
  ) {
    this.mark = new Float64Array(movies).fill(NaN);
    let active = 0;
    let longest = 0;
    for (let u = 0; u < rec.users; u++) {
      const n = rec.start[u + 1]! - rec.start[u]!;
      if (n > 0) active++;
      longest = Math.max(longest, n);
    }
    this.activeUsers = active;
    this.rHat = new Float64Array(longest).fill(NaN);
  }

  /**
   * User u's potential outcomes R_{u,·} (a row over all movies) and the exact probabilities
   * P(R_R = 1) of u's pairs, or undefined when the graph records none.
   */
  addUser(u: number, r: Float64Array, propensity: Float64Array | undefined): void {
    const { observed, rec, mark } = this;
    for (let i = observed.start[u]!; i < observed.start[u + 1]!; i++) {
      const m = observed.movie[i]!;
      if (r[m] !== observed.rating[i]) {
        throw new InputError(`${this.source}: user ${u}, movie ${m} has observed rating ${observed.rating[i]} but the configuration regenerates ${r[m]} (the dataset does not match its config.json)`);
      }
      mark[m] = observed.rating[i]!;
    }
    const a = rec.start[u]!;
    const b = rec.start[u + 1]!;
    if (b > a) {
      const w = 1 / (this.activeUsers * (b - a));
      const rHat = this.rHat.subarray(0, b - a);
      this.rewardModel?.(u, rec.movie.subarray(a, b), rHat);
      for (let i = a; i < b; i++) {
        const m = rec.movie[i]!;
        this.sumTrue += w * r[m]!;
        this.pairs++;
        this.sums.pair(w, rHat[i - a]!);
        const y = mark[m]!;
        if (!Number.isNaN(y)) {
          this.observedPairs++;
          this.sums.observed(w, y, rHat[i - a]!, propensity?.[m] ?? NaN);
        }
      }
    }
    for (let i = observed.start[u]!; i < observed.start[u + 1]!; i++) mark[observed.movie[i]!] = NaN;
  }

  result(): PolicyValue {
    const e = this.sums.estimates();
    return { users: this.activeUsers, pairs: this.pairs, observedPairs: this.observedPairs, trueValue: this.sumTrue, naive: e.naive, ips: e.ips, snips: e.snips, dm: e.dm, dr: e.dr };
  }
}
