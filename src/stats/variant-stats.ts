/**
 * The figures `ctar stats` adds for a variant world's observed tables (docs/output.md#variant-tables):
 * an uplift world's treatment and outcome counts (train/treatment), a click world's clicks per
 * list position (train/click). Summed block by block as a reader streams the table, so a table
 * of a share of all user × movie pairs is never held whole.
 */

export interface TreatmentStats {
  /** Listed pairs (T = 1 or Y = 1). */
  readonly rows: number;
  readonly treated: number;
  readonly outcomes: number;
  /** Y = 1 among the treated pairs. */
  readonly treatedOutcomes: number;
}

export interface ClickStats {
  readonly rows: number;
  readonly clicks: number;
  readonly clickRate: number;
  /** Clicks at each list position (1-based), over every logged list. */
  readonly clicksByPosition: Readonly<Record<string, number>>;
}

export class TreatmentCounts {
  private rows = 0;
  private treated = 0;
  private outcomes = 0;
  private both = 0;
  /** Adds a block of the table's `treated` and `outcome` columns. */
  add(t: Int32Array, y: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      this.treated += t[i]!;
      this.outcomes += y[i]!;
      this.both += t[i]! & y[i]!;
    }
    this.rows += n;
  }
  result(): TreatmentStats {
    return { rows: this.rows, treated: this.treated, outcomes: this.outcomes, treatedOutcomes: this.both };
  }
}

export class ClickCounts {
  private rows = 0;
  private clicks = 0;
  private readonly byPosition = new Map<number, number>();
  /** Adds a block of the table's `position` and `click` columns. */
  add(position: Int32Array, click: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) {
      this.clicks += click[i]!;
      this.byPosition.set(position[i]!, (this.byPosition.get(position[i]!) ?? 0) + click[i]!);
    }
    this.rows += n;
  }
  result(): ClickStats {
    const byPosition: Record<string, number> = {};
    for (const k of [...this.byPosition.keys()].sort((a, b) => a - b)) byPosition[String(k)] = this.byPosition.get(k)!;
    return { rows: this.rows, clicks: this.clicks, clickRate: this.rows > 0 ? this.clicks / this.rows : 0, clicksByPosition: byPosition };
  }
}
