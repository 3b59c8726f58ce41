/**
 * The factorisation core shared by every built-in baseline: prediction
 *   ŷ(u, t) = p_u · q_t + b_u + b_t
 * (raw score: no sigmoid, no global bias; docs/baselines.md#the-model), with its tables living in a
 * DenseAdam parameter vector. A `FactorView` names where P, Q, b_u and b_t start; two views may
 * share tables (CausE shares P and the biases, and has two Q tables).
 */
import type { ParamArray } from "./adam-kernel.js";
import { DenseAdam, type TableSpec } from "./dense-adam.js";

export interface FactorView {
  readonly dim: number;
  /** Offsets into the parameter vector of P (users × dim), Q (tags × dim), b_u, b_t. */
  readonly p: number;
  readonly q: number;
  readonly bu: number;
  readonly bt: number;
}

/** The four tables of one factor model, named `${prefix}P`, `${prefix}Q`, `${prefix}bu`, `${prefix}bt`. */
export function factorTables(prefix: string, users: number, tags: number, dim: number, weightDecay: number, biasDecay = weightDecay): TableSpec[] {
  return [
    { name: `${prefix}P`, rows: users, cols: dim, weightDecay },
    { name: `${prefix}Q`, rows: tags, cols: dim, weightDecay },
    { name: `${prefix}bu`, rows: users, cols: 1, weightDecay: biasDecay },
    { name: `${prefix}bt`, rows: tags, cols: 1, weightDecay: biasDecay },
  ];
}

/** The view of the tables made by `factorTables(prefix, …)`. */
export function factorView(opt: DenseAdam, prefix: string, dim: number): FactorView {
  return { dim, p: opt.at(`${prefix}P`), q: opt.at(`${prefix}Q`), bu: opt.at(`${prefix}bu`), bt: opt.at(`${prefix}bt`) };
}

/** ŷ for one pair. */
export function predictOne(th: ParamArray, f: FactorView, u: number, t: number): number {
  const d = f.dim;
  const pu = f.p + u * d;
  const qt = f.q + t * d;
  let s = th[f.bu + u]! + th[f.bt + t]!;
  for (let k = 0; k < d; k++) s += th[pu + k]! * th[qt + k]!;
  return s;
}

/** Writes ŷ(user[i], tag[i]) into out[i] for every i. */
export function predictMany(th: ParamArray, f: FactorView, user: Int32Array, tag: Int32Array, out: Float64Array): void {
  for (let i = 0; i < user.length; i++) out[i] = predictOne(th, f, user[i]!, tag[i]!);
}

/**
 * Adds to `gr` the gradient of Σ_i w_i (ŷ_i − target_i)² over the examples `idx[from..to)` (or
 * `from..to` itself when idx is null), where w_i = w1 if target_i is 1 and w0 otherwise. All
 * predictions use the parameters as they are (the step comes after). Returns the loss.
 */
export function addSquaredLossGrad(
  th: ParamArray,
  gr: ParamArray,
  f: FactorView,
  user: Int32Array,
  tag: Int32Array,
  target: Float64Array,
  idx: Int32Array | null,
  from: number,
  to: number,
  w0: number,
  w1: number,
): number {
  // Hot loop: every field in a local, one pass per example (score, then both row gradients).
  const d = f.dim;
  const P = f.p;
  const Q = f.q;
  const BU = f.bu;
  const BT = f.bt;
  let loss = 0;
  for (let j = from; j < to; j++) {
    const i = idx === null ? j : idx[j]!;
    const u = user[i]!;
    const t = tag[i]!;
    const y = target[i]!;
    const pu = P + u * d;
    const qt = Q + t * d;
    let s = th[BU + u]! + th[BT + t]!;
    for (let k = 0; k < d; k++) s += th[pu + k]! * th[qt + k]!;
    const w = y === 1 ? w1 : w0;
    const e = s - y;
    loss += w * e * e;
    const g = 2 * w * e;
    for (let k = 0; k < d; k++) {
      const a = th[pu + k]!;
      const b = th[qt + k]!;
      gr[pu + k] = gr[pu + k]! + g * b;
      gr[qt + k] = gr[qt + k]! + g * a;
    }
    gr[BU + u] = gr[BU + u]! + g;
    gr[BT + t] = gr[BT + t]! + g;
  }
  return loss;
}

/** Adds c · ∂ŷ(u, t)/∂θ to `gr` (the chain rule for any loss whose derivative in ŷ is c). */
export function addScoreGrad(th: ParamArray, gr: ParamArray, f: FactorView, u: number, t: number, c: number): void {
  const d = f.dim;
  const pu = f.p + u * d;
  const qt = f.q + t * d;
  for (let k = 0; k < d; k++) {
    const a = th[pu + k]!;
    gr[pu + k]! += c * th[qt + k]!;
    gr[qt + k]! += c * a;
  }
  gr[f.bu + u]! += c;
  gr[f.bt + t]! += c;
}

/** A predictor over a copy-free view of trained parameters. */
export function factorPredictor(th: ParamArray, f: FactorView): { predict(user: Int32Array, tag: Int32Array, out: Float64Array): void } {
  return { predict: (user, tag, out) => predictMany(th, f, user, tag, out) };
}
