/** Uniformly drawn (user, tag) pairs over the whole space, refilled in place (no allocation per step). */
import type { Stream } from "../rng/stream.js";

export class UniformPairs {
  readonly user: Int32Array;
  readonly tag: Int32Array;
  constructor(readonly size: number, private readonly users: number, private readonly tags: number, private readonly rng: Stream) {
    this.user = new Int32Array(size);
    this.tag = new Int32Array(size);
  }
  refill(): void {
    for (let i = 0; i < this.size; i++) {
      this.user[i] = this.rng.int(this.users);
      this.tag[i] = this.rng.int(this.tags);
    }
  }
}
