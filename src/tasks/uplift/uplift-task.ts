/**
 * The `uplift` task: rank each user's movies by the causal effect of recommending them (Sato et
 * al., "Unbiased learning for the causal effect of recommendation", RecSys 2020), trained on the
 * observed treatment Rec and outcome Y of a world with both (the ctar-uplift variant) and scored
 * against the exact effect of every pair (docs/tasks-uplift.md).
 */
import { InputError } from "../../errors/errors.js";
import { PairIndex } from "../pair-index.js";
import { type ReadTable, type ScoreResult, type Task, fromWorld } from "../task.js";
import { causalMetrics } from "./causal-metrics.js";
import { UPLIFT_BASELINES, upliftBaseline } from "./uplift-baselines.js";
import { UPLIFT_METRICS, describeUplift, exactEffects, runUpliftBench, upliftCsv, upliftJson, upliftMarkdown, upliftPredictionTables } from "./uplift-bench.js";
import { type UpliftData, buildUpliftData } from "./uplift-data.js";
import { upliftFromTables, upliftTables } from "./uplift-tables.js";

const COLUMNS = ["userid", "movieid", "uplift"] as const;

/** Scores a predictions table: pairs it leaves out rank below every pair it gives (ties shared). */
function scoreUplift(d: UpliftData, table: ReadTable): ScoreResult {
  const index = new PairIndex(table, COLUMNS, d.users, d.movies);
  const scores = (u: number, out: Float64Array) => {
    for (let m = 0; m < d.movies; m++) {
      const r = index.find(u, m);
      out[m] = r < 0 ? -Infinity : index.valueAt(r);
    }
  };
  const row = causalMetrics(d.users, d.movies, scores, exactEffects(d));
  const pairs = d.users * d.movies;
  const notes = [`scored ${table.file}: ${index.size} of ${pairs} pairs given${index.size < pairs ? "; the others rank below every given pair of their user (ties share places)" : ""}`];
  return { row, notes };
}

export const upliftTask: Task<UpliftData> = {
  name: "uplift",
  description: "ranking movies by the causal effect of recommending them (Sato et al. 2020), on a world with a treatment and an outcome (ctar-uplift)",
  sees: "the observed treatment Rec (recommended or not) and outcome Y (watched or not) of every user × movie; oracle baselines also the exact P(Rec = 1)",
  truth: "both potential-outcome arms P(Y = 1 | do(Rec = t)) and the effect τ of every user × movie",
  baselines: UPLIFT_BASELINES.map((b) => b.name),
  models: UPLIFT_BASELINES.map((b) => b.name),
  metrics: UPLIFT_METRICS,
  predictionColumns: [...COLUMNS],
  options: [],
  load: (source) => fromWorld(source, (world) => buildUpliftData(world, source.dir)),
  tables: upliftTables,
  fromTables: upliftFromTables,
  describe: describeUplift,
  async bench(d, config, dataset) {
    const asked = (config.models.length > 0 ? config.models : this.baselines).map((n) => upliftBaseline(n)!);
    const models = asked.filter((b) => b.oracle !== true || d.propensity !== undefined);
    if (models.length === 0) throw new InputError(`${dataset}: no exact propensities (the propensity table), and every model asked needs them`);
    if (models.length < asked.length) config.warn(`${dataset}: no exact propensities: skipped ${asked.filter((b) => !models.includes(b)).map((b) => b.name).join(", ")}`);
    const results = runUpliftBench(d, models, config);
    return {
      markdown: upliftMarkdown(results, d, config, dataset),
      json: upliftJson(results, d, config, dataset),
      csv: upliftCsv(results),
      predictions: config.predictions ? upliftPredictionTables(results, d) : [],
    };
  },
  pairCount: (d) => d.users * d.movies,
  score: scoreUplift,
};
