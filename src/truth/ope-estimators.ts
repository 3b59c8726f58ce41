/**
 * The off-policy estimators of a recommendation policy's value, as sums over its recommended pairs
 * (paper §7; docs/tasks-ope.md has the formulas with their sources). A policy recommends user u the
 * list π(u); each recommended pair has the weight w = 1/(|U_π|·|π(u)|), so the true value is
 * V = Σ w R. Of the recommended pairs, those with O = 1 (the rating was observed) carry the rating R
 * and a propensity p = P(O = 1) (exact, or estimated); a reward model gives R̂ for every pair. With
 * the importance weight ι = 1/p of an observed pair:
 *   naive     = Σ_O w R / Σ_O w
 *   IPS       = Σ_O w ι R                                   (Horvitz–Thompson)
 *   SNIPS     = Σ_O w ι R / Σ_O w ι
 *   DM        = Σ w R̂                                       (direct method)
 *   DR        = DM + Σ_O w ι (R − R̂)                        (doubly robust; Dudík et al. 2011)
 *   SNDR      = DM + Σ_O w ι (R − R̂) / Σ_O w ι              (self-normalised DR)
 *   Switch-DR = DM + Σ_O w ι (R − R̂) · 1[ι ≤ λ]             (Wang et al. 2017, as Open Bandit Pipeline defines it)
 * Σ_O w ι has expectation Σ w = 1, which is why it normalises SNIPS and SNDR (the role the mean
 * importance weight plays in Open Bandit Pipeline). Pure: numbers in, numbers out.
 */

/** The estimators' keys, in the order they are reported. */
export const OPE_ESTIMATOR_KEYS = ["naive", "ips", "snips", "dm", "dr", "sndr", "switch-dr"] as const;
export type OpeEstimatorKey = (typeof OPE_ESTIMATOR_KEYS)[number];

/** Estimators that use the propensities (the rest use none). */
export const USES_PROPENSITY: ReadonlySet<OpeEstimatorKey> = new Set(["ips", "snips", "dr", "sndr", "switch-dr"]);
/** Estimators that use the reward model R̂. */
export const USES_REWARD_MODEL: ReadonlySet<OpeEstimatorKey> = new Set(["dm", "dr", "sndr", "switch-dr"]);

export type OpeEstimates = Readonly<Record<OpeEstimatorKey, number>>;

/**
 * Accumulates the sums the estimators are made of: `pair` for every recommended pair, `observed`
 * for each recommended pair whose rating was observed. NaN where an estimate is undefined: no
 * observed pair (naive, SNIPS, SNDR), a propensity missing or ≤ 0 (every propensity estimator),
 * no reward model given (the R̂ estimators).
 */
export class OpeSums {
  private sumW = 0;
  private sumWRhat = 0;
  private obsW = 0;
  private obsWR = 0;
  private ipsR = 0;
  private ipsW = 0;
  private ipsResidual = 0;
  private switchResidual = 0;
  private noPropensity = false;
  private noRewardModel = false;

  /** λ of Switch-DR: the largest importance weight 1/p whose pair keeps its correction (≥ 0; Infinity: DR). */
  constructor(readonly lambda = Infinity) {
    if (!(lambda >= 0)) throw new RangeError(`OpeSums: λ must be ≥ 0 (got ${lambda})`);
  }

  /** A recommended pair of weight w, with the reward model's R̂ (NaN: no reward model). */
  pair(w: number, rHat: number): void {
    this.sumW += w;
    if (Number.isNaN(rHat)) this.noRewardModel = true;
    else this.sumWRhat += w * rHat;
  }

  /** A recommended pair (already given to `pair`) whose rating r was observed, with propensity p (NaN or ≤ 0: none). */
  observed(w: number, r: number, rHat: number, p: number): void {
    this.obsW += w;
    this.obsWR += w * r;
    if (!(p > 0)) {
      this.noPropensity = true;
      return;
    }
    const iw = 1 / p;
    this.ipsR += w * iw * r;
    this.ipsW += w * iw;
    const res = w * iw * (r - rHat);
    this.ipsResidual += res;
    if (iw <= this.lambda) this.switchResidual += res;
  }

  estimates(): OpeEstimates {
    const p = !this.noPropensity;
    const m = !this.noRewardModel && this.sumW > 0;
    const dm = m ? this.sumWRhat : NaN;
    return {
      naive: this.obsW > 0 ? this.obsWR / this.obsW : NaN,
      ips: p ? this.ipsR : NaN,
      snips: p && this.ipsW > 0 ? this.ipsR / this.ipsW : NaN,
      dm,
      dr: p && m ? dm + this.ipsResidual : NaN,
      sndr: p && m && this.ipsW > 0 ? dm + this.ipsResidual / this.ipsW : NaN,
      "switch-dr": p && m ? dm + this.switchResidual : NaN,
    };
  }
}
