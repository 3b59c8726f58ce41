/**
 * The ratings task's output: a Markdown table (one row per model, mean (sd) over runs), one CSV
 * row per (model, run), JSON with everything, and the predictions `bench --predictions` writes
 * (one table per (model, run), `predictions/<model>-run<k>`, in `score`'s own columns).
 */
import type { MeanSd } from "../../bench/summary.js";
import type { Predictor } from "../../models/model.js";
import type { TaskBenchConfig, TaskMetric, TaskTable } from "../task.js";
import type { RatingsData } from "./ratings-data.js";
import { RATING_METRIC_KEYS, type RatingsModelResult } from "./ratings-bench.js";

export const RATING_METRICS: readonly TaskMetric[] = [
  { key: "mse", header: "MSE", formula: "mean over the MCAR test pairs of (ŷ − r)²" },
  { key: "mae", header: "MAE", formula: "mean over the MCAR test pairs of |ŷ − r|" },
  { key: "auc", header: "AUC", formula: "ROC AUC of ŷ against r ≥ 4 on the MCAR test pairs" },
  { key: "ndcg5", header: "NDCG@5", formula: "mean over test users with a pair r ≥ 4 of DCG@5/IDCG@5, gain [r ≥ 4], ranked by ŷ" },
  { key: "pop_risk", header: "pop. risk", formula: "(1/(|U|·|M|)) Σ_u Σ_m E[(R − ŷ)²] = mean of Var(R) + (E[R] − ŷ)², exact" },
  { key: "gap", header: "MSE − pop. risk", formula: "the sampled test MSE minus the exact population risk" },
];

const f4 = (x: number) => x.toFixed(4);
const cell = (s: MeanSd | null | undefined) => (s == null ? "–" : `${f4(s.mean)} (${s.sd === null ? "n/a" : f4(s.sd)})`);

export function describeRatings(d: RatingsData): string {
  const pop = "reason" in d.population ? `no population risk: ${d.population.reason}` : "population risk exact";
  return `users ${d.users}, movies ${d.movies}; MNAR ratings ${d.mnar.n}${d.oracle === undefined ? " (no oracle propensities)" : ""}; uniform (MCAR) pairs: train ${d.uniformTrain.n}, validation ${d.validation.n}, test ${d.test.n}; ${pop}`;
}

const header = () => [`| model | ${RATING_METRICS.map((m) => m.header).join(" | ")} |`, `|---|${RATING_METRICS.map(() => "---").join("|")}|`];

export function ratingsMarkdown(results: readonly RatingsModelResult[], data: RatingsData, config: TaskBenchConfig, dataset: string): string {
  const lines = [`## Ratings task on ${dataset}`, ""];
  lines.push(`${describeRatings(data)}. ${config.runs} run${config.runs === 1 ? "" : "s"} per model, ${config.epochs} epochs, seed ${config.seed}, ${config.precision} parameters; ${config.runs === 1 ? "one run: its figures (no sd)" : "mean (sample sd) over runs"}.`, "");
  lines.push(...header());
  for (const m of results) lines.push(`| ${m.name} | ${RATING_METRIC_KEYS.map((k) => cell(m.summary[k])).join(" | ")} |`);
  lines.push("", "MSE, MAE, AUC (r ≥ 4), NDCG@5: on the MCAR test pairs. pop. risk: the exact mean of E[(R − ŷ)²] over every user × movie.", "");
  return lines.join("\n");
}

export function ratingsCsv(results: readonly RatingsModelResult[]): string {
  const rows = [["model", "run", ...RATING_METRIC_KEYS].join(",")];
  for (const m of results) m.runs.forEach((r, run) => rows.push([m.name, String(run), ...RATING_METRIC_KEYS.map((k) => (r[k] == null ? "" : String(r[k])))].join(",")));
  return rows.join("\n") + "\n";
}

export function ratingsJson(results: readonly RatingsModelResult[], data: RatingsData, config: TaskBenchConfig, dataset: string): string {
  const out = {
    task: "ratings",
    dataset,
    users: data.users,
    movies: data.movies,
    ratings: { mnar: data.mnar.n, uniformTrain: data.uniformTrain.n, validation: data.validation.n, test: data.test.n },
    options: data.options,
    oracle: data.oracle !== undefined,
    populationRisk: "reason" in data.population ? { available: false, reason: data.population.reason } : { available: true },
    seed: config.seed,
    runs: config.runs,
    epochs: config.epochs,
    precision: config.precision,
    models: results.map((m) => ({ name: m.name, description: m.description, options: m.options, summary: m.summary, runs: m.runs })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

const PREDICTION_COLUMNS = [
  { name: "userid", type: "int32" },
  { name: "movieid", type: "int32" },
  { name: "prediction", type: "double" },
] as const;

/** One predictions table: the test pairs (`all` false) or every user × movie, one block per user. */
function predictionTable(name: string, model: Predictor, data: RatingsData, all: boolean): TaskTable {
  return {
    name,
    description: all ? "a prediction for every user × movie" : "a prediction for every MCAR test pair",
    columns: PREDICTION_COLUMNS,
    *blocks() {
      if (!all) {
        const out = new Float64Array(data.test.n);
        model.predict(data.test.user, data.test.tag, out);
        yield [data.test.user, data.test.tag, out];
        return;
      }
      const movie = Int32Array.from({ length: data.movies }, (_, m) => m);
      for (let u = 0; u < data.users; u++) {
        const user = new Int32Array(data.movies).fill(u);
        const out = new Float64Array(data.movies);
        model.predict(user, movie, out);
        yield [user, movie, out];
      }
    },
  };
}

export function ratingsPredictionTables(results: readonly RatingsModelResult[], data: RatingsData, all: boolean): TaskTable[] {
  return results.flatMap((m) => (m.predictors ?? []).map((p, run) => predictionTable(`predictions/${m.name}-run${run}`, p, data, all)));
}
