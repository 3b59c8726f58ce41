/**
 * The dual learning algorithm (DLA; Ai, Bi, Luo, Guo & Croft 2018, "Unbiased learning to rank with
 * unbiased propensity estimation", SIGIR): a ranker and an examination model learnt together from
 * the clicks alone, with neither randomisation nor known propensities. Each is trained with a
 * listwise softmax cross-entropy on the clicked items, weighted by the other's estimate:
 *   ranker      s_i = w · x_i,  loss −Σ_lists Σ_i c_i · (ρ_1 / ρ_{k_i}) · ln softmax(s)_i
 *   examination ρ = softmax(g) over positions,
 *               loss −Σ_lists Σ_i c_i · (r_1 / r_i) · ln ρ_{k_i},  r = softmax(s) over the list
 * (item i at position k_i = i; the weights are normalised by position 1 and held constant in each
 * step, as in the paper). Why it works: if clicks are examination × attraction and the ranker's
 * softmax is proportional to the attraction, the second loss is minimised at ρ ∝ the examination
 * curve, and with that curve the first loss is minimised at the attraction: the true pair is a fixed
 * point (test/tasks/ranking/dual-learning.test.ts, in a clone, checks it on exact expected clicks).
 * Full-batch Adam from zeros: deterministic, no seed.
 */
import { DenseAdam } from "../../models/dense-adam.js";

/** The lists DLA learns from: `lists` lists of `length` items, item features row-major. */
export interface DlaLists {
  readonly lists: number;
  readonly length: number;
  /** Features of item j of list l at ((l · length + j) · dims). */
  readonly features: Float64Array;
  readonly dims: number;
  /** Clicks (0/1, or their expectations): one per item. */
  readonly click: ArrayLike<number>;
  /** Whether list l is learnt from (the others are ignored). */
  readonly train: (l: number) => boolean;
}

export interface DlaSettings {
  readonly steps: number;
  readonly lr: number;
}

/** The defaults: enough full-batch steps for the 14 parameters of the task to settle. */
export const DLA_SETTINGS: DlaSettings = { steps: 500, lr: 0.05 };

export interface DlaFit {
  /** The ranker's weights, one per feature. */
  readonly w: Float64Array;
  /** The estimated examination curve ρ_k / ρ_1 at index k − 1. */
  readonly propensity: Float64Array;
}

function softmaxInto(x: Float64Array, from: number, n: number, out: Float64Array): void {
  let max = -Infinity;
  for (let j = 0; j < n; j++) max = Math.max(max, x[from + j]!);
  let z = 0;
  for (let j = 0; j < n; j++) z += out[j] = Math.exp(x[from + j]! - max);
  for (let j = 0; j < n; j++) out[j]! /= z;
}

export function dualLearning(d: DlaLists, settings: DlaSettings = DLA_SETTINGS): DlaFit {
  const { length: L, dims: p } = d;
  const adam = new DenseAdam(
    [
      { name: "w", rows: 1, cols: p, weightDecay: 0 },
      { name: "g", rows: 1, cols: L, weightDecay: 0 },
    ],
    { lr: settings.lr },
    false,
  );
  const theta = adam.theta;
  const grad = adam.grad;
  const gOff = adam.offset["g"]!;
  let train = 0;
  for (let l = 0; l < d.lists; l++) if (d.train(l)) train++;
  const scores = new Float64Array(L);
  const r = new Float64Array(L);
  const rho = new Float64Array(L);
  const thetaG = new Float64Array(L);
  for (let step = 0; step < settings.steps; step++) {
    for (let k = 0; k < L; k++) thetaG[k] = theta[gOff + k]!;
    softmaxInto(thetaG, 0, L, rho);
    for (let l = 0; l < d.lists; l++) {
      if (!d.train(l)) continue;
      const base = l * L;
      for (let j = 0; j < L; j++) {
        let s = 0;
        for (let f = 0; f < p; f++) s += theta[f]! * d.features[(base + j) * p + f]!;
        scores[j] = s;
      }
      softmaxInto(scores, 0, L, r);
      let a = 0;
      let b = 0;
      for (let j = 0; j < L; j++) {
        const c = d.click[base + j]!;
        a += (c * rho[0]!) / rho[j]!;
        b += (c * r[0]!) / r[j]!;
      }
      if (a === 0) continue;
      for (let j = 0; j < L; j++) {
        const c = d.click[base + j]!;
        // ∂/∂s_j of −Σ_i a_i ln softmax(s)_i is A·r_j − a_j (A = Σ a_i); likewise for g.
        const ds = (a * r[j]! - (c * rho[0]!) / rho[j]!) / train;
        for (let f = 0; f < p; f++) grad[f]! += ds * d.features[(base + j) * p + f]!;
        grad[gOff + j]! += (b * rho[j]! - (c * r[0]!) / r[j]!) / train;
      }
    }
    adam.step();
  }
  for (let k = 0; k < L; k++) thetaG[k] = theta[gOff + k]!;
  softmaxInto(thetaG, 0, L, rho);
  return { w: Float64Array.from({ length: p }, (_, f) => theta[f]!), propensity: Float64Array.from(rho, (x) => x / rho[0]!) };
}
