/**
 * An order-sensitive digest of a table's values, row by row (FNV-1a over 32-bit words; a double
 * as its two IEEE-754 halves, a list as its length then its elements), independent of how the
 * rows were blocked. `validate` compares the digests of a table's CSV and Parquet twins: equal
 * digests mean, up to a 2^-32 collision, the same rows in the same order.
 */
export class ValueDigest {
  private h = 0x811c9dc5;
  private readonly f = new Float64Array(1);
  private readonly w = new Uint32Array(this.f.buffer);

  private word(x: number): void {
    this.h = Math.imul(this.h ^ (x >>> 0), 0x01000193);
  }

  /** Adds rows [0, rows) of a block of columns (int, double or list columns). */
  addRows(cols: readonly (Int32Array | Float64Array | readonly Int32Array[])[], rows: number): void {
    for (let i = 0; i < rows; i++) {
      for (const c of cols) {
        if (c instanceof Int32Array) this.word(c[i]!);
        else if (c instanceof Float64Array) {
          this.f[0] = c[i]!;
          this.word(this.w[0]!);
          this.word(this.w[1]!);
        } else {
          const l = c[i]!;
          this.word(l.length);
          for (let k = 0; k < l.length; k++) this.word(l[k]!);
        }
      }
    }
  }

  get value(): number {
    return this.h >>> 0;
  }
}
