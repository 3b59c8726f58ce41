/** A growable table of (a, b, c) rows in typed arrays: what proxies emit (user, movie, value). */
export class RowTable {
  a: Int32Array;
  b: Int32Array;
  c: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.c = new Float64Array(capacity);
  }
  push(a: number, b: number, c: number): void {
    if (this.length === this.a.length) this.grow();
    const i = this.length++;
    this.a[i] = a;
    this.b[i] = b;
    this.c[i] = c;
  }
  private grow(): void {
    const n = this.a.length * 2;
    const a = new Int32Array(n);
    a.set(this.a);
    const b = new Int32Array(n);
    b.set(this.b);
    const c = new Float64Array(n);
    c.set(this.c);
    this.a = a;
    this.b = b;
    this.c = c;
  }
}
