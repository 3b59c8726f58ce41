/**
 * The regression estimator (an outcome model, "predict both arms"): a factorisation of the ratings
 * with the movie's tags as features,
 *
 *   ŷ(u, m) = μ + b_u + b_m + Σ_{t ∈ TM_m} (c_t + p_u · q_t)
 *
 * (μ the mean observed rating; b_u, b_m biases; c_t a tag's effect shared by all users; p_u, q_t
 * d-dimensional factors: the user's own taste for the tag), fitted to the observed ratings by
 * stochastic gradient descent on the squared error with L2 shrinkage (Koren, Bell & Volinsky 2009,
 * with tag features as in Rendle's factorisation machines, 2010). τ̂ is Eq. 1 applied to the fitted
 * model: the mean over all movies of ŷ with t added to TM_m minus ŷ with t removed. The model is
 * linear in the tag indicators, so every movie contributes the same difference and
 *
 *   τ̂(u, t) = c_t + p_u · q_t
 *
 * (test/tasks/effects/ checks this against both arms predicted movie by movie). R_R depends on the
 * movie only, and b_m conditions on it, so the unweighted fit is not biased by the selection.
 */
import type { Stream } from "../../rng/stream.js";
import type { EffectsData } from "./effects-data.js";
import { populationSize, tagColumns } from "./effects-data.js";

export interface TagRegressionOptions {
  readonly [key: string]: number;
  readonly dim: number;
  readonly epochs: number;
  readonly lr: number;
  /** L2 weight on the biases b_u, b_m (per example, as in Koren et al.'s SGD). */
  readonly reg: number;
  /** L2 weight on the tag effects c_t. */
  readonly regTag: number;
  /** L2 weight on the factors p_u, q_t. */
  readonly regFactor: number;
  /** sd of the N(0, sd²) initialisation of the factors (biases start at 0). */
  readonly initSd: number;
}

export const TAG_REGRESSION_DEFAULTS: TagRegressionOptions = { dim: 8, epochs: 30, lr: 0.01, reg: 0.05, regTag: 50, regFactor: 0.01, initSd: 0.01 };

/** The fitted model's parameters (tags indexed by population column). */
export interface TagRegressionFit {
  readonly mu: number;
  readonly dim: number;
  readonly bu: Float64Array;
  readonly bm: Float64Array;
  readonly c: Float64Array;
  readonly p: Float64Array;
  readonly q: Float64Array;
}

/** ŷ(u, m) for a movie with the tag columns `cols` (the fitted model's prediction). */
export function predictRating(fit: TagRegressionFit, u: number, m: number, cols: ArrayLike<number>): number {
  const d = fit.dim;
  let y = fit.mu + fit.bu[u]! + fit.bm[m]!;
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j]!;
    y += fit.c[c]!;
    for (let k = 0; k < d; k++) y += fit.p[u * d + k]! * fit.q[c * d + k]!;
  }
  return y;
}

export function fitTagRegression(data: EffectsData, o: TagRegressionOptions, stream: (purpose: string) => Stream): TagRegressionFit {
  // A step shrinks a parameter by the factor 1 − lr·reg: at or beyond 1 the fit diverges.
  for (const key of ["reg", "regTag", "regFactor"] as const) {
    if (!(o[key] >= 0 && o.lr * o[key] < 1)) throw new RangeError(`mf-tags: ${key} must be ≥ 0 with lr · ${key} < 1 (got ${key} ${o[key]}, lr ${o.lr})`);
  }
  if (!Number.isInteger(o.dim) || o.dim < 1 || !Number.isInteger(o.epochs) || o.epochs < 1) throw new RangeError(`mf-tags: dim and epochs must be positive integers (got ${o.dim}, ${o.epochs})`);
  const { users } = data;
  const movies = data.movies.start.length - 1;
  const width = data.catalogTags.length;
  const d = o.dim;
  const col = tagColumns(data.tags, data.catalogTags);
  const { start, movie, rating } = data.ratings;
  const n = movie.length;
  const user = new Int32Array(n);
  for (let u = 0; u < users; u++) user.fill(u, start[u]!, start[u + 1]!);
  let mu = 0;
  for (let i = 0; i < n; i++) mu += rating[i]!;
  mu = n === 0 ? 0 : mu / n;
  const init = stream("init");
  const p = Float64Array.from({ length: users * d }, () => o.initSd * init.normal());
  const q = Float64Array.from({ length: width * d }, () => o.initSd * init.normal());
  const bu = new Float64Array(users);
  const bm = new Float64Array(movies);
  const c = new Float64Array(width);
  const sumQ = new Float64Array(d);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const shuffle = stream("shuffle");
  const { lr, reg, regTag, regFactor } = o;
  const tmStart = data.movies.start;
  const tmTag = data.movies.tag;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = shuffle.int(i + 1);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    for (let r = 0; r < n; r++) {
      const i = order[r]!;
      const u = user[i]!;
      const m = movie[i]!;
      sumQ.fill(0);
      let y = mu + bu[u]! + bm[m]!;
      for (let j = tmStart[m]!; j < tmStart[m + 1]!; j++) {
        const t = col[tmTag[j]!]!;
        y += c[t]!;
        for (let k = 0; k < d; k++) sumQ[k]! += q[t * d + k]!;
      }
      for (let k = 0; k < d; k++) y += p[u * d + k]! * sumQ[k]!;
      const e = y - rating[i]!;
      bu[u]! -= lr * (e + reg * bu[u]!);
      bm[m]! -= lr * (e + reg * bm[m]!);
      for (let j = tmStart[m]!; j < tmStart[m + 1]!; j++) {
        const t = col[tmTag[j]!]!;
        c[t]! -= lr * (e + regTag * c[t]!);
        for (let k = 0; k < d; k++) q[t * d + k]! -= lr * (e * p[u * d + k]! + regFactor * q[t * d + k]!);
      }
      for (let k = 0; k < d; k++) p[u * d + k]! -= lr * (e * sumQ[k]! + regFactor * p[u * d + k]!);
    }
  }
  return { mu, dim: d, bu, bm, c, p, q };
}

/** τ̂(u, t) = c_t + p_u · q_t over the population. */
export function tagRegressionEffects(fit: TagRegressionFit, users: number, width: number): Float64Array {
  const out = new Float64Array(populationSize(users, width));
  const d = fit.dim;
  for (let u = 0; u < users; u++) {
    for (let t = 0; t < width; t++) {
      let v = fit.c[t]!;
      for (let k = 0; k < d; k++) v += fit.p[u * d + k]! * fit.q[t * d + k]!;
      out[u * width + t] = v;
    }
  }
  return out;
}
