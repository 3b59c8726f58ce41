/**
 * Predictions looked up by (user, item) without a Map keyed by pairs: the rows' keys
 * user · items + item, sorted once (a Float64Array: exact below 2^53), then found by binary
 * search. Duplicate pairs and ids outside the task's ranges are InputErrors naming the row.
 */
import { InputError } from "../errors/errors.js";
import type { ReadTable } from "./task.js";

export class PairIndex {
  private readonly keys: Float64Array;
  private readonly rowOf: Int32Array;

  /**
   * @param known item ids that may appear (undefined: every id 0..items−1)
   */
  constructor(
    readonly table: ReadTable,
    readonly columns: readonly [string, string, string],
    readonly users: number,
    readonly items: number,
    known?: Uint8Array,
  ) {
    const [uc, ic, vc] = columns;
    const user = table.column(uc);
    const item = table.column(ic);
    const value = table.column(vc);
    const n = table.rows;
    if (n === 0) throw new InputError(`${table.file}: no rows, only a header (expected one row per pair to score: ${columns.join(",")})`);
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = user[i]!;
      const t = item[i]!;
      if (!Number.isInteger(u) || u < 0 || u >= users) throw new InputError(`${table.place(i)}: unknown ${uc} ${u} (expected 0..${users - 1})`);
      if (!Number.isInteger(t) || t < 0 || t >= items || (known !== undefined && known[t] !== 1)) throw new InputError(`${table.place(i)}: unknown ${ic} ${t} (not in the task's ${ic === "tagid" ? "catalog tags" : `0..${items - 1}`})`);
      if (!Number.isFinite(value[i]!)) throw new InputError(`${table.place(i)}: ${vc} is not a finite number (got ${value[i]})`);
      keys[i] = u * items + t;
    }
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
    this.keys = new Float64Array(n);
    this.rowOf = order;
    for (let j = 0; j < n; j++) {
      this.keys[j] = keys[order[j]!]!;
      if (j > 0 && this.keys[j] === this.keys[j - 1]) {
        const [a, b] = [order[j - 1]!, order[j]!];
        throw new InputError(`${table.place(b)}: duplicate pair ${uc} ${user[b]}, ${ic} ${item[b]} (first at ${table.place(a)})`);
      }
    }
    this.value = value;
  }

  private readonly value: Int32Array | Float64Array;

  get size(): number {
    return this.keys.length;
  }

  /** The row of (u, t), or −1. */
  find(u: number, t: number): number {
    const k = u * this.items + t;
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = this.keys[mid]!;
      if (x === k) return this.rowOf[mid]!;
      if (x < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The prediction of every pair of (user[i], item[i]) into out; a missing pair is an InputError. */
  gather(user: Int32Array, item: Int32Array, n: number, out: Float64Array, what: string): void {
    for (let i = 0; i < n; i++) {
      const r = this.find(user[i]!, item[i]!);
      if (r < 0) throw new InputError(`${this.table.file}: missing pair ${this.columns[0]} ${user[i]}, ${this.columns[1]} ${item[i]} (${what} needs a prediction for each of its pairs)`);
      out[i] = this.value[r]!;
    }
  }

  /** The prediction of row r. */
  valueAt(r: number): number {
    return this.value[r]!;
  }
}
