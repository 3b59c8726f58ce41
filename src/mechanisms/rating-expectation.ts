/**
 * The expected rating of paper Eq. 5 in closed form. With x = Q_m − μ + k/2 (k = |TL_{u,m}|) and
 * ε ~ N(0, 1), the generator's rating is R = clip(round(x + σε), min, max) (src/mechanisms/rating.ts,
 * `round` being floor(· + 1/2)). As a function of y = x + σε, clip(round(y)) is a step function:
 * it equals `min` below its first step and rises by size_j at each step c_j, so
 *
 *   E[R | x] = min + Σ_j size_j · P(x + σε ≥ c_j) = min + Σ_j size_j · (1 − Φ((c_j − x)/σ)).
 *
 * The steps: with lo = ⌈min⌉ and hi = ⌊max⌋, a step of lo − min at lo − 1/2, a step of 1 at each
 * r − 1/2 for r = lo+1..hi, and a step of max − hi at hi + 1/2 (one step of max − min at lo − 1/2
 * when no integer lies in [min, max]). For the unrounded variant (`round: false`),
 * E[clip(x + σε, a, b)] = a + σ[ψ((x − a)/σ) − ψ((x − b)/σ)] with ψ(z) = zΦ(z) + φ(z).
 *
 * One more liked tag moves x by 1/2, so the effect of a tag on one movie is
 *   Δ(x) = E[R | x + 1/2] − E[R | x] = Σ_j size_j · P(c_j − 1/2 ≤ x + σε < c_j),
 * a sum of non-negative terms, computed as such (no difference of two near-equal expectations).
 *
 * The second moment follows the same way: R² is again a step function of y, rising by
 * v_{j+1}² − v_j² at c_j (v_j the level below step j), so E[R² | x] = min² + Σ_j (v_{j+1}² − v_j²)
 * · (1 − Φ((c_j − x)/σ)). Unrounded, with α = (a − x)/σ, β = (b − x)/σ and ΔΦ = Φ(β) − Φ(α):
 * E[clip(y, a, b)²] = a²Φ(α) + b²(1 − Φ(β)) + (x² + σ²)ΔΦ + 2xσ(φ(α) − φ(β)) + σ²(αφ(α) − βφ(β)).
 * Var(R) = E[R²] − E[R]², and E[(R − ŷ)²] = Var(R) + (E[R] − ŷ)².
 */
import { normalCdf, normalInterval, normalPdf, normalSurvival } from "./normal-cdf.js";

/** The parameters of the rating mechanism (src/mechanisms/rating.ts, `ratingParams`). */
export interface RatingModel {
  readonly mu: number;
  readonly sigma: number;
  readonly min: number;
  readonly max: number;
  readonly round: boolean;
}

/** How much x moves per liked tag (Eq. 5: |TL|/2). */
export const SHIFT_PER_TAG = 0.5;

/** The steps of clip(round(y), min, max) as a function of y: it rises by size[j] at y = at[j]. */
export interface Steps {
  readonly at: readonly number[];
  readonly size: readonly number[];
}

export function stepsOf(min: number, max: number): Steps {
  const lo = Math.ceil(min);
  const hi = Math.floor(max);
  const at: number[] = [];
  const size: number[] = [];
  const add = (c: number, s: number) => {
    if (s > 0) {
      at.push(c);
      size.push(s);
    }
  };
  if (lo > hi) add(lo - 0.5, max - min);
  else {
    add(lo - 0.5, lo - min);
    for (let r = lo + 1; r <= hi; r++) add(r - 0.5, 1);
    add(hi + 0.5, max - hi);
  }
  return { at, size };
}

/** The value the generator computes when σ = 0 (same arithmetic as the mechanism). */
function deterministic(x: number, m: RatingModel): number {
  const y = m.round ? Math.round(x) : x;
  return y < m.min ? m.min : y > m.max ? m.max : y;
}

/** ψ(z) = ∫_{−∞}^{z} Φ(t) dt = zΦ(z) + φ(z) (so that E[max(Z, −z)] … see the header). */
function psi(z: number): number {
  return z * normalCdf(z) + normalPdf(z);
}

/** The closed-form expectations of one rating model. */
export class RatingExpectation {
  private readonly steps: Steps;
  constructor(readonly model: RatingModel) {
    this.steps = stepsOf(model.min, model.max);
  }

  /** x = Q − μ + k/2, the mean of the rating before rounding and clipping. */
  location(quality: number, likedTags: number): number {
    return quality - this.model.mu + likedTags * SHIFT_PER_TAG;
  }

  /** E[R | Q = quality, |TL| = likedTags]. */
  expected(quality: number, likedTags: number): number {
    const m = this.model;
    const x = this.location(quality, likedTags);
    if (m.sigma === 0) return deterministic(x, m);
    if (!m.round) {
      if (m.min === m.max) return m.min;
      return m.min + m.sigma * (psi((x - m.min) / m.sigma) - psi((x - m.max) / m.sigma));
    }
    let e = m.min;
    const { at, size } = this.steps;
    for (let j = 0; j < at.length; j++) e += size[j]! * normalSurvival((at[j]! - x) / m.sigma);
    return e;
  }

  /** E[R² | Q = quality, |TL| = likedTags] (see the header). */
  secondMoment(quality: number, likedTags: number): number {
    const m = this.model;
    const x = this.location(quality, likedTags);
    if (m.sigma === 0) return deterministic(x, m) ** 2;
    const a = m.min;
    const b = m.max;
    if (!m.round) {
      if (a === b) return a * a;
      const s = m.sigma;
      const al = (a - x) / s;
      const be = (b - x) / s;
      const mid = normalCdf(be) - normalCdf(al);
      return a * a * normalCdf(al) + b * b * normalSurvival(be) + (x * x + s * s) * mid + 2 * x * s * (normalPdf(al) - normalPdf(be)) + s * s * (al * normalPdf(al) - be * normalPdf(be));
    }
    let e = a * a;
    let level = a;
    const { at, size } = this.steps;
    for (let j = 0; j < at.length; j++) {
      const next = level + size[j]!;
      e += (next * next - level * level) * normalSurvival((at[j]! - x) / m.sigma);
      level = next;
    }
    return e;
  }

  /** E[R | |TL| = k + 1] − E[R | |TL| = k] at Q = quality: the effect of one more liked tag. */
  increment(quality: number, likedTags: number): number {
    const m = this.model;
    if (m.sigma === 0 || !m.round) return this.expected(quality, likedTags + 1) - this.expected(quality, likedTags);
    const x = this.location(quality, likedTags);
    let d = 0;
    const { at, size } = this.steps;
    for (let j = 0; j < at.length; j++) {
      const c = at[j]!;
      d += size[j]! * normalInterval((c - SHIFT_PER_TAG - x) / m.sigma, (c - x) / m.sigma);
    }
    return d;
  }
}
