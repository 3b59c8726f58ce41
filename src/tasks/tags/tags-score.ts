/**
 * Scores a `userid,tagid,score` predictions table on the tags task: MSE and AUC on Tests I–III
 * and their union (every test pair needs a prediction), and on every user × catalog tag against
 * τ′ when the truth is known — reported only when the file predicts every such pair.
 */
import type { BenchDataset } from "../../bench/dataset.js";
import { TEST_SETS } from "../../bench/dataset.js";
import type { LabelSet } from "../../labels/label-set.js";
import { rocAuc } from "../../metrics/auc.js";
import { meanSquaredError } from "../../metrics/mse.js";
import { PairIndex } from "../pair-index.js";
import type { ReadTable, ScoreResult, TaskMetric } from "../task.js";

const SET_HEADER: Record<string, string> = { I: "I", II: "II", III: "III", all: "all", population: "pop." };

/** The columns of Table 3, then the population's (as the bench prints them). */
export const TAG_METRICS: readonly TaskMetric[] = (
  [
    ["I", "mse"],
    ["II", "mse"],
    ["II", "auc"],
    ["III", "mse"],
    ["III", "auc"],
    ["all", "mse"],
    ["all", "auc"],
    ["population", "mse"],
    ["population", "auc"],
  ] as const
).map(([set, metric]) => ({
  key: `${set}_${metric}`,
  header: `${SET_HEADER[set]} ${metric.toUpperCase()}`,
  formula: metric === "mse" ? "mean over the set's rows of (score − label)²" : "ROC AUC of the scores against the 0/1 labels (ties counted ½)",
}));

function setScores(index: PairIndex, set: LabelSet, what: string): { mse: number | null; auc: number | null } {
  const out = new Float64Array(set.n);
  index.gather(set.user, set.tag, set.n, out, what);
  return { mse: meanSquaredError(out, set.label), auc: rocAuc(out, set.label) };
}

export function scoreTagPredictions(data: BenchDataset, table: ReadTable): ScoreResult {
  const known = new Uint8Array(data.tags);
  for (const t of data.catalogTags) known[t] = 1;
  const index = new PairIndex(table, ["userid", "tagid", "score"], data.users, data.tags, known);
  const row: Record<string, number | null> = {};
  const notes: string[] = [];
  for (const name of TEST_SETS) {
    const s = setScores(index, data.tests[name], `test set ${name}`);
    row[`${name}_mse`] = s.mse;
    row[`${name}_auc`] = s.auc;
  }
  row["population_mse"] = null;
  row["population_auc"] = null;
  if (data.truth === undefined) notes.push("no truth: population metrics skipped");
  else if (index.size < data.truth.n) notes.push(`pop.: needs a score for every user × catalog tag (${data.truth.n} pairs; the file has ${index.size})`);
  else {
    const s = setScores(index, data.truth, "the population");
    row["population_mse"] = s.mse;
    row["population_auc"] = s.auc;
  }
  return { row, notes };
}
