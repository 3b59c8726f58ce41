/** Mean and standard deviation over runs, per model, test set and metric. */
import type { RunScores } from "./evaluate.js";

export interface MeanSd {
  readonly mean: number;
  /** Sample standard deviation (n − 1 denominator); null for a single run, which has none. */
  readonly sd: number | null;
  readonly n: number;
}

/** Per set name: MSE and AUC summaries (null where the metric is undefined, e.g. AUC on Test I). */
export type Summary = Record<string, { mse: MeanSd | null; auc: MeanSd | null }>;

/** Mean and sample sd of the non-null values, in the given order; null if there are none. */
export function meanSd(values: readonly (number | null)[]): MeanSd | null {
  const xs = values.filter((x): x is number => x !== null);
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, sd: xs.length > 1 ? Math.sqrt(ss / (xs.length - 1)) : null, n: xs.length };
}

/** Aggregates runs (in run order, so the result does not depend on who computed them). */
export function summarise(runs: readonly RunScores[]): Summary {
  const out: Summary = {};
  const names = runs.length > 0 ? Object.keys(runs[0]!) : [];
  for (const name of names) {
    out[name] = {
      mse: meanSd(runs.map((r) => r[name]?.mse ?? null)),
      auc: meanSd(runs.map((r) => r[name]?.auc ?? null)),
    };
  }
  return out;
}
