/**
 * Adam (Kingma & Ba 2015) over a flat parameter vector split into named tables, as PyTorch's
 * `torch.optim.Adam` computes it with `weight_decay` (COUPLED decay: g ← g + wd·θ before the
 * moments) and DENSE gradients: every element of every table decays and receives an Adam update
 * on every step, not only the rows a batch touched (docs/baselines.md#optimiser). This is what the CTAR
 * authors' PyTorch baselines did, and it is the expensive part of training, so `step()` is one
 * fused pass over typed arrays that also clears the gradient for the next batch.
 *
 * Update, per element, at step k (bias-corrected, ε outside the square root as in PyTorch):
 *   g = ∇ + wd·θ;  m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
 *   θ ← θ − (lr / (1−β₁ᵏ)) · m / (√v / √(1−β₂ᵏ) + ε)
 */
import type { Stream } from "../rng/stream.js";
import { type AdamKernel, type ParamArray, type Precision, allocateAdam, lanes } from "./adam-kernel.js";

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
  /** Parameter precision (default f64). */
  readonly precision?: Precision;
}

export class DenseAdam {
  /** The parameters: every table, one after the other. */
  readonly theta: ParamArray;
  /** The gradient of the current batch; `step()` consumes it and leaves it zero. */
  readonly grad: ParamArray;
  private readonly kernel: AdamKernel;
  /** Whether the WebAssembly SIMD kernel is in use (else the identical JavaScript loop). */
  readonly simd: boolean;
  /** Start offset of each table in `theta`, by name. */
  readonly offset: Readonly<Record<string, number>>;
  private readonly segStart: Int32Array;
  private readonly segEnd: Int32Array;
  private readonly segDecay: Float64Array;
  private readonly lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;
  private readonly width: number;
  private k = 0;

  /**
   * @param tables the parameter tables, in the order they are laid out and initialised
   * @param options learning rate and Adam constants (β 0.9/0.999, ε 1e-8 by default)
   * @param preferSimd use the WebAssembly kernel when available (results are identical either way)
   */
  constructor(readonly tables: readonly TableSpec[], options: AdamOptions, preferSimd = true) {
    const offset: Record<string, number> = {};
    const precision = options.precision ?? "f64";
    const width = lanes(precision);
    this.width = width;
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
      n += (width - (n % width)) % width; // keep every table 16-byte aligned for the SIMD kernel (the pad stays 0)
      this.segDecay[i] = t.weightDecay;
    });
    this.offset = offset;
    const arrays = allocateAdam(n, preferSimd, precision);
    this.theta = arrays.theta;
    this.grad = arrays.grad;
    this.kernel = arrays.kernel;
    this.simd = arrays.simd;
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
    for (let s = 0; s < this.segStart.length; s++) for (let i = this.segStart[s]!; i < this.segEnd[s]!; i++) th[i] = sd * rng.normal();
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
    for (let s = 0; s < this.segStart.length; s++) {
      // padded end: the pad element has θ = g = 0 and so stays 0
      const end = this.segEnd[s]! + ((this.width - (this.segEnd[s]! % this.width)) % this.width);
      this.kernel(this.segStart[s]!, end, this.segDecay[s]!, b1, b2, c1, c2, stepSize, invSqrtBc2, eps);
    }
  }
}
