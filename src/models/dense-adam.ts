/**
 * Adam (Kingma & Ba 2015) over a flat parameter vector split into named tables, as PyTorch's
 * `torch.optim.Adam` computes it with `weight_decay` (COUPLED decay: g ← g + wd·θ before the
 * moments) and DENSE gradients: every element of every table decays and receives an Adam update
 * on every step, not only the rows a batch touched (ctar-reference.md §5). This is what the CTAR
 * authors' PyTorch baselines did, and it is the expensive part of training, so `step()` is one
 * fused pass over typed arrays that also clears the gradient for the next batch.
 *
 * Update, per element, at step k (bias-corrected, ε outside the square root as in PyTorch):
 *   g = ∇ + wd·θ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
 *   θ ← θ − (lr / (1−β₁ᵏ)) · m / (√v / √(1−β₂ᵏ) + ε)
 */
import type { Stream } from "../rng/stream.js";

/** One parameter table: `rows × cols` values, row-major, with its own coupled weight decay. */
export interface TableSpec {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly weightDecay: number;
}

export interface AdamOptions {
  readonly lr: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
}

export class DenseAdam {
  /** The parameters: every table, one after the other. */
  readonly theta: Float64Array;
  /** The gradient of the current batch; `step()` consumes it and leaves it zero. */
  readonly grad: Float64Array;
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  /** Start offset of each table in `theta`, by name. */
  readonly offset: Readonly<Record<string, number>>;
  private readonly segStart: Int32Array;
  private readonly segEnd: Int32Array;
  private readonly segDecay: Float64Array;
  private readonly lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private k = 0;

  constructor(readonly tables: readonly TableSpec[], options: AdamOptions) {
    const offset: Record<string, number> = {};
    let n = 0;
    this.segStart = new Int32Array(tables.length);
    this.segEnd = new Int32Array(tables.length);
    this.segDecay = new Float64Array(tables.length);
    tables.forEach((t, i) => {
      if (offset[t.name] !== undefined) throw new RangeError(`DenseAdam: two tables named '${t.name}'`);
      offset[t.name] = n;
      this.segStart[i] = n;
      n += t.rows * t.cols;
      this.segEnd[i] = n;
      this.segDecay[i] = t.weightDecay;
    });
    this.offset = offset;
    this.theta = new Float64Array(n);
    this.grad = new Float64Array(n);
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
    this.lr = options.lr;
    this.b1 = options.beta1 ?? 0.9;
    this.b2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
  }

  /** Offset of a table, failing loudly on a typo. */
  at(name: string): number {
    const o = this.offset[name];
    if (o === undefined) throw new RangeError(`DenseAdam: no table named '${name}'`);
    return o;
  }

  /** Fills every table, in declaration order and row-major, with N(0, sd²) draws from `rng`. */
  initNormal(rng: Stream, sd: number): void {
    const th = this.theta;
    for (let i = 0; i < th.length; i++) th[i] = sd * rng.normal();
  }

  /** Number of steps taken so far. */
  get steps(): number {
    return this.k;
  }

  /** One Adam step over every parameter; clears `grad`. */
  step(): void {
    this.k++;
    const k = this.k;
    const b1 = this.b1;
    const b2 = this.b2;
    const c1 = 1 - b1;
    const c2 = 1 - b2;
    const stepSize = this.lr / (1 - Math.pow(b1, k));
    const invSqrtBc2 = 1 / Math.sqrt(1 - Math.pow(b2, k));
    const eps = this.eps;
    const th = this.theta;
    const gr = this.grad;
    const m = this.m;
    const v = this.v;
    for (let s = 0; s < this.segStart.length; s++) {
      const wd = this.segDecay[s]!;
      const end = this.segEnd[s]!;
      for (let i = this.segStart[s]!; i < end; i++) {
        const t = th[i]!;
        const g = gr[i]! + wd * t;
        gr[i] = 0;
        const mi = b1 * m[i]! + c1 * g;
        const vi = b2 * v[i]! + c2 * g * g;
        m[i] = mi;
        v[i] = vi;
        th[i] = t - (stepSize * mi) / (Math.sqrt(vi) * invSqrtBc2 + eps);
      }
    }
  }
}
