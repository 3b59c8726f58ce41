/**
 * A forward-only cursor over a table sorted by (userid, movieid): `seek(u, m)` advances to the
 * row with that key and returns its index in the current block, or -1 when the table has no
 * such row. Lets two sorted tables be merged (e.g. ObsTag pairs with truth/full) in bounded
 * memory.
 */
import { type TableBlock, type TableLocation, tableBlocks } from "./dataset-table.js";

export class PairCursor {
  private block: TableBlock | undefined;
  private j = 0;
  private done = false;
  private constructor(private readonly it: AsyncGenerator<TableBlock>) {}

  /** Columns: userid and movieid first, then the ones to read. */
  static open(loc: TableLocation, columns: readonly string[]): PairCursor {
    return new PairCursor(tableBlocks(loc, ["userid", "movieid", ...columns]));
  }

  private key(): number {
    const c = this.block!.cols as Int32Array[];
    return c[0]![this.j]! * 2147483648 + c[1]![this.j]!;
  }

  /** Column `k` (0 = userid) of the current row. */
  value(k: number): number {
    return (this.block!.cols[k] as Int32Array | Float64Array)[this.j]!;
  }

  /** Advances to (user, movie); true when the table has that row (then read it with `value`). */
  async seek(user: number, movie: number): Promise<boolean> {
    const k = user * 2147483648 + movie;
    for (;;) {
      if (this.done) return false;
      if (this.block === undefined || this.j >= this.block.rows) {
        const r = await this.it.next();
        if (r.done === true) {
          this.done = true;
          return false;
        }
        this.block = r.value;
        this.j = 0;
        continue;
      }
      const here = this.key();
      if (here === k) return true;
      if (here > k) return false;
      this.j++;
    }
  }

  async close(): Promise<void> {
    await this.it.return(undefined);
  }
}
