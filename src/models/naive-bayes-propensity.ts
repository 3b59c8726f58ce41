/**
 * Naive-Bayes propensity (Schnabel et al., "Recommendations as Treatments", ICML 2016, §5.2), one
 * value per label y, estimated as the CTAR authors did (docs/baselines.md#mf-ips):
 *   p_y = P(Y=y | O=1) · P(O=1) / P(Y=y),
 * with P(Y | O=1) the label shares in OBS, P(Y) the label shares in RCT (the randomised trial) and
 * P(O=1) = |OBS| / (users × tags). No clipping. MF-IPS weighs each example by w_y = 1 / p_y.
 */
import { countPositive, type LabelSet } from "../labels/label-set.js";

export interface NaiveBayesPropensity {
  /** p_0, p_1. */
  readonly p0: number;
  readonly p1: number;
  /** P(O=1). */
  readonly pObserved: number;
  /** P(Y=y) / P(Y=y | O=1) = P(O=1) / p_y: the DR-JL scale of observed examples. */
  readonly r0: number;
  readonly r1: number;
}

export function naiveBayesPropensity(obs: LabelSet, rct: LabelSet, users: number, tags: number): NaiveBayesPropensity {
  if (obs.n === 0 || rct.n === 0) throw new RangeError(`naiveBayesPropensity: OBS has ${obs.n} and RCT ${rct.n} labels (expected both non-empty)`);
  const obs1 = countPositive(obs) / obs.n;
  const rct1 = countPositive(rct) / rct.n;
  const pO = obs.n / (users * tags);
  const p1 = (obs1 * pO) / rct1;
  const p0 = ((1 - obs1) * pO) / (1 - rct1);
  return { p0, p1, pObserved: pO, r0: pO / p0, r1: pO / p1 };
}
