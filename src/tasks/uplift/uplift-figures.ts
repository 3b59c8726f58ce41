/**
 * What the report draws of a world with a treatment and an outcome (the ctar-uplift variant,
 * docs/tasks-uplift.md): the exact P(Rec = 1) at each rank of a user's list beside the share of
 * users treated there, and the distribution of the exact effect over every user × movie pair.
 * One pass over the users regenerates their Rec and Y rows (keyed streams: the world's own draws).
 */
import type { Emit } from "../../mechanisms/mechanism.js";
import type { OutcomeRow, TreatmentRow } from "../../mechanisms/values.js";
import type { WorldRun } from "../world-run.js";
import { upliftNodes } from "./uplift-data.js";

export type FigureRow = Readonly<Record<string, string | number>>;

export interface UpliftFigureRows {
  /** Per rank (1 = the recommender's first): `p` for the series "exact P(Rec = 1)" and "share treated". */
  readonly byRank: FigureRow[];
  /** Per distinct effect P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0)): the share of pairs. */
  readonly effects: FigureRow[];
}

const ignoreRows: Emit = () => {};
const MAX_DISTINCT = 64;
const BINS = 40;

/** Undefined when the world has no treatment and outcome nodes (not an uplift world). */
export function upliftFigureRows(world: WorldRun, onUser?: (done: number) => void): UpliftFigureRows | undefined {
  const { users, movies } = world.config;
  const found = upliftNodes(world.engine.input.graph, world.engine.input.registry);
  if ("reason" in found) return undefined;
  const sumP = new Float64Array(movies);
  const sumT = new Float64Array(movies);
  const order = new Int32Array(movies);
  // the built-in outcome's effect is a function of the pair's rating level: a handful of distinct
  // values, counted exactly; past MAX_DISTINCT (a module's continuous effect) 40 bins over [−1, 1]
  const effectCount = new Map<string, { effect: number; n: number }>();
  const bins = new Float64Array(BINS);
  for (let u = 0; u < users; u++) {
    const values = world.engine.runUser(u, ignoreRows);
    const t = values.get(found.treatment) as TreatmentRow;
    const y = values.get(found.outcome) as OutcomeRow;
    // the propensity falls with the rank, so the user's list is the movies by propensity, highest first
    for (let m = 0; m < movies; m++) order[m] = m;
    order.sort((a, b) => t.propensity[b]! - t.propensity[a]! || a - b);
    for (let k = 0; k < movies; k++) {
      sumP[k]! += t.propensity[order[k]!]!;
      sumT[k]! += t.treated[order[k]!]!;
    }
    for (let m = 0; m < movies; m++) {
      const effect = y.treated[m]! - y.control[m]!;
      const key = effect.toFixed(6);
      const e = effectCount.get(key);
      if (e !== undefined) e.n++;
      else if (effectCount.size <= MAX_DISTINCT) effectCount.set(key, { effect: Number(key), n: 1 });
      bins[Math.min(BINS - 1, Math.max(0, Math.floor(((effect + 1) / 2) * BINS)))]! += 1;
    }
    onUser?.(u + 1);
  }
  const byRank: FigureRow[] = [];
  for (let k = 0; k < movies; k++) {
    byRank.push({ rank: k + 1, p: sumP[k]! / users, series: "exact P(Rec = 1)" });
    byRank.push({ rank: k + 1, p: sumT[k]! / users, series: "share treated" });
  }
  const pairs = users * movies;
  const effects =
    effectCount.size <= MAX_DISTINCT
      ? [...effectCount.values()].sort((a, b) => a.effect - b.effect).map((e) => ({ effect: e.effect, share: e.n / pairs }))
      : [...bins].map((n, i) => ({ effect: -1 + (2 * (i + 0.5)) / BINS, share: n / pairs }));
  return { byRank, effects };
}
