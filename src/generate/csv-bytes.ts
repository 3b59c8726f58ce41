/**
 * CSV rows encoded straight into bytes: integers digit by digit, other numbers in JavaScript's
 * shortest round-trip form (the same text `String(x)` gives, so files read back to the same
 * doubles), written by shortest-double.ts without a string where it decides exactly. No
 * intermediate strings for the columns that make up almost every row — the encoding of the
 * streamed files was costing more than generating the values.
 */
import { writeShortest } from "./shortest-double.js";

export class CsvBytes {
  private buf: Uint8Array;
  length = 0;
  rows = 0;
  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const g = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    g.set(this.buf.subarray(0, this.length));
    this.buf = g;
  }

  /** A non-negative or negative safe integer. */
  int(x: number): this {
    this.ensure(22);
    const b = this.buf;
    let n = x;
    if (n < 0) {
      b[this.length++] = 45; // '-'
      n = -n;
    }
    if (n < 10) {
      b[this.length++] = 48 + n;
      return this;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let at = this.length + digits;
    this.length = at;
    while (n >= 10) {
      const q = Math.floor(n / 10);
      b[--at] = 48 + (n - q * 10);
      n = q;
    }
    b[--at] = 48 + n;
    return this;
  }

  /** Any number, as String(x) writes it (integers take the fast path). */
  num(x: number): this {
    if (Number.isSafeInteger(x)) return this.int(x);
    this.ensure(25);
    const end = writeShortest(this.buf, this.length, x);
    if (end >= 0) {
      this.length = end;
      return this;
    }
    const s = String(x);
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
    return this;
  }

  /** A literal ASCII string. */
  text(s: string): this {
    this.ensure(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
    return this;
  }

  comma(): this {
    this.ensure(1);
    this.buf[this.length++] = 44;
    return this;
  }

  /** Ends a row. */
  end(): this {
    this.ensure(1);
    this.buf[this.length++] = 10;
    this.rows++;
    return this;
  }

  /** The bytes so far (a copy, owned by the caller), and a reset. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    this.rows = 0;
    return out;
  }
}
