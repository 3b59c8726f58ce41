/**
 * The `tags` task: the paper's Table 3 (user–tag preference). A model sees the training labels
 * OBS, RCT and ALL (docs/baselines.md#training-labels) and predicts whether a user likes a tag;
 * it is scored on Tests I–III and their union, and, when the dataset has truth/liked_tags.csv,
 * on every user × catalog tag against τ′ (Eq. 2). `ctar bench --task tags` is today's bench.
 */
import type { BenchDataset } from "../../bench/dataset.js";
import { describeData, formatCsv, formatJson, formatMarkdown } from "../../bench/format.js";
import { runBench } from "../../bench/run-bench.js";
import { InputError } from "../../errors/errors.js";
import { joinFileName } from "../../graph/file-name.js";
import type { Model } from "../../models/model.js";
import { BUILTIN_MODELS, modelByName } from "../../models/registry.js";
import type { Task } from "../task.js";
import { TAG_METRICS, scoreTagPredictions } from "./tags-score.js";
import { tagPredictionTables, tagTables, tagsFromTables } from "./tags-tables.js";

/** The asked models that the data can train: without RCT labels, those that need them are skipped, with a warning. */
function modelsThatCanRun(asked: readonly Model[], data: BenchDataset, dir: string, warn: (m: string) => void): Model[] {
  // OBS is what every baseline learns from (MF-IPS and DR-JL also weigh it against RCT): without it there is no bench
  if (data.labels.obs.n === 0) {
    throw new InputError(`${joinFileName(dir, "train", "obstag.csv")}: no observational tag labels (OBS is empty), which every model trains on (generate more users or a higher --obs-rate)`);
  }
  if (data.labels.rct.n > 0) return [...asked];
  const skipped = asked.filter((m) => m.needsRct === true).map((m) => m.name);
  const kept = asked.filter((m) => m.needsRct !== true);
  const file = joinFileName(dir, "train", "rcttag.csv");
  if (kept.length === 0) {
    throw new InputError(`${file}: no RCT labels, and every model asked (${skipped.join(", ")}) needs them (models that do not: ${BUILTIN_MODELS.filter((m) => m.needsRct !== true).map((m) => m.name).join(", ")})`);
  }
  if (skipped.length > 0) warn(`${file} has no RCT labels: skipped ${skipped.join(", ")} (they need them); running ${kept.map((m) => m.name).join(", ")}`);
  return kept;
}

export const tagsTask: Task<BenchDataset> = {
  name: "tags",
  description: "user–tag preference, the paper's Table 3: predict which tags a user likes",
  sees: "the training labels OBS (from obstag), RCT (from rcttag) and ALL = OBS ∪ RCT, as (userid, tagid, label)",
  truth: "Tests I, II, III and their union (labelled pairs), and τ′ (paper Eq. 2) over every user × catalog tag when truth/liked_tags.csv is there",
  baselines: ["mf", "mf-ips", "cause-ctar"],
  models: BUILTIN_MODELS.map((m) => m.name),
  metrics: TAG_METRICS,
  predictionColumns: ["userid", "tagid", "score"],
  options: [],
  async load(source) {
    return source.benchDataset();
  },
  tables: tagTables,
  fromTables: tagsFromTables,
  describe: describeData,
  async bench(data, config, dataset, pool) {
    const models = modelsThatCanRun((config.models.length > 0 ? config.models : this.baselines).map(modelByName), data, dataset, config.warn);
    const result = await runBench(
      data,
      { models, runs: config.runs, seed: config.seed, epochs: config.epochs, precision: config.precision, workers: config.workers, predictions: config.predictions, ...(config.onProgress === undefined ? {} : { onProgress: config.onProgress }) },
      pool,
    );
    return {
      markdown: formatMarkdown(result, data, `Baselines on ${dataset}`),
      json: formatJson(result, data, dataset),
      csv: formatCsv(result, data),
      predictions: config.predictions ? [tagPredictionTables(result, data)] : [],
    };
  },
  pairCount: (d) => d.users * d.catalogTags.length,
  score: scoreTagPredictions,
};
