/**
 * `ctar validate`, a variant world's invariants (docs/output.md#variant-tables), streamed: every
 * row of train/treatment has T = 1 or Y = 1 (the pairs not listed are the ones with T = Y = 0),
 * and train/click and truth/click hold the same (user, position, movie) rows with click = E · A.
 */
import type { ProblemList } from "../../validate/problem-list.js";
import { type TableLocation, rowPlace, tableBlocks } from "../tables/dataset-table.js";

/** Rows of a table one at a time, over its blocks. */
class Rows {
  private readonly blocks: AsyncGenerator<{ start: number; rows: number; cols: unknown[] }>;
  private cols: Int32Array[] = [];
  private start = 0;
  private rows = 0;
  private j = 0;
  constructor(readonly loc: TableLocation, columns: readonly string[]) {
    this.blocks = tableBlocks(loc, columns);
  }
  /** The next row's values, or undefined at the end. */
  async next(): Promise<{ at: string; v: (k: number) => number } | undefined> {
    while (this.j >= this.rows) {
      const r = await this.blocks.next();
      if (r.done === true) return undefined;
      [this.cols, this.start, this.rows, this.j] = [r.value.cols as Int32Array[], r.value.start, r.value.rows, 0];
    }
    const i = this.j++;
    const cols = this.cols;
    return { at: rowPlace(this.loc, this.start + i), v: (k) => cols[k]![i]! };
  }
}

/** Every listed pair has T = 1 or Y = 1. */
export async function checkTreatment(loc: TableLocation, problems: ProblemList): Promise<void> {
  const rows = new Rows(loc, ["treated", "outcome"]);
  for (let r = await rows.next(); r !== undefined; r = await rows.next()) {
    if (r.v(0) === 0 && r.v(1) === 0) problems.add("variant", r.at, "a pair with treated = 0 and outcome = 0 is listed (only pairs with T = 1 or Y = 1 are; the others are implied)");
  }
}

/** The log and its truth row by row: the same (user, position, movie), click = examined · attracted. */
export async function checkClicks(log: TableLocation, truth: TableLocation, problems: ProblemList): Promise<void> {
  const cols = ["userid", "position", "movieid"];
  const a = new Rows(log, [...cols, "click"]);
  const b = new Rows(truth, [...cols, "examined", "attracted"]);
  for (;;) {
    const [x, y] = [await a.next(), await b.next()];
    if (x === undefined || y === undefined) {
      if (x !== y) problems.add("variant", (x ?? y)!.at, `a row with no counterpart in ${(x === undefined ? log : truth).file} (the two tables hold the same rows)`);
      return;
    }
    if ([0, 1, 2].some((k) => x.v(k) !== y.v(k))) {
      problems.add("variant", x.at, `(user ${x.v(0)}, position ${x.v(1)}, movie ${x.v(2)}) differs from ${y.at}'s (${y.v(0)}, ${y.v(1)}, ${y.v(2)})`);
      return;
    }
    if (x.v(3) !== y.v(3) * y.v(4)) problems.add("variant", x.at, `click ${x.v(3)}, but examined ${y.v(3)} and attracted ${y.v(4)} at ${y.at} (click = examined · attracted)`);
  }
}
