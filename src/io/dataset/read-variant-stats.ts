/**
 * A variant world's observed tables streamed into their `ctar stats` figures
 * (src/stats/variant-stats.ts): train/treatment of an uplift world, train/click of a click world.
 * A folder without them gives no figures (and `ctar stats` prints what it always did).
 */
import { ClickCounts, type ClickStats, TreatmentCounts, type TreatmentStats } from "../../stats/variant-stats.js";
import { findTable, tableBlocks } from "../tables/dataset-table.js";

export interface VariantFigures {
  readonly treatment?: TreatmentStats;
  readonly click?: ClickStats;
}

export async function readVariantFigures(dir: string): Promise<VariantFigures> {
  const out: { treatment?: TreatmentStats; click?: ClickStats } = {};
  const treatment = findTable(dir, "train/treatment");
  if (treatment !== undefined) {
    const c = new TreatmentCounts();
    for await (const b of tableBlocks(treatment, ["treated", "outcome"])) c.add(b.cols[0] as Int32Array, b.cols[1] as Int32Array, b.rows);
    out.treatment = c.result();
  }
  const click = findTable(dir, "train/click");
  if (click !== undefined) {
    const c = new ClickCounts();
    for await (const b of tableBlocks(click, ["position", "click"])) c.add(b.cols[0] as Int32Array, b.cols[1] as Int32Array, b.rows);
    out.click = c.result();
  }
  return out;
}
