/**
 * Mini-batch order: a permutation of 0..n−1 reshuffled every epoch (Fisher–Yates with the given
 * stream), cut into batches of `size` with the last partial batch kept (PyTorch DataLoader with
 * shuffle=True, drop_last=False).
 */
import type { Stream } from "../rng/stream.js";

export class BatchOrder {
  readonly perm: Int32Array;
  constructor(readonly n: number, readonly size: number, private readonly rng: Stream) {
    if (!(size >= 1)) throw new RangeError(`BatchOrder: batch size must be ≥ 1 (got ${size})`);
    this.perm = new Int32Array(n);
    for (let i = 0; i < n; i++) this.perm[i] = i;
  }
  /** Number of batches per epoch. */
  get batches(): number {
    return Math.ceil(this.n / this.size);
  }
  /** Reshuffles the permutation for a new epoch. */
  shuffle(): void {
    const p = this.perm;
    for (let i = p.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
  }
}
