/**
 * Bench output: the paper's Table 3 layout as Markdown (mean (sd) over runs), one CSV row per
 * (model, run), and JSON with everything. Pure string building; no timing or host information, so
 * the same inputs always give the same bytes.
 */
import type { BenchDataset } from "./dataset.js";
import type { BenchResult } from "./run-bench.js";
import type { MeanSd } from "./summary.js";

/** The columns of Table 3, then the population columns (when the truth is known). */
const COLUMNS: ReadonlyArray<readonly [set: string, metric: "mse" | "auc", header: string]> = [
  ["I", "mse", "I MSE"],
  ["II", "mse", "II MSE"],
  ["II", "auc", "II AUC"],
  ["III", "mse", "III MSE"],
  ["III", "auc", "III AUC"],
  ["all", "mse", "all MSE"],
  ["all", "auc", "all AUC"],
  ["population", "mse", "pop. MSE"],
  ["population", "auc", "pop. AUC"],
];

function columns(data: BenchDataset) {
  return COLUMNS.filter(([set]) => set !== "population" || data.truth !== undefined);
}

const f4 = (x: number) => x.toFixed(4);
/** mean (sd); a single run has no sample sd, so it says n/a rather than a measured-looking 0.0000. */
const cell = (s: MeanSd | null | undefined) => (s == null ? "–" : `${f4(s.mean)} (${s.sd === null ? "n/a" : f4(s.sd)})`);

/** A short description of the data the bench ran on (sizes derived from the files). */
export function describeData(data: BenchDataset): string {
  const { obs, rct, all } = data.labels;
  return `users ${data.users}, tags ${data.tags}; labels ALL ${all.n}, OBS ${obs.n}, RCT ${rct.n}; test rows I ${data.tests.I.n}, II ${data.tests.II.n}, III ${data.tests.III.n}, all ${data.tests.all.n}`;
}

export function formatMarkdown(result: BenchResult, data: BenchDataset, title: string): string {
  const cols = columns(data);
  const lines: string[] = [];
  lines.push(`## ${title}`, "");
  lines.push(`${describeData(data)}. ${result.runs} run${result.runs === 1 ? "" : "s"} per model, ${result.epochs} epochs, seed ${result.seed}, ${result.precision} parameters; ${result.runs === 1 ? "one run: its figures (no sd)" : "mean (sample sd) over runs"}.`, "");
  lines.push(`| model | ${cols.map((c) => c[2]).join(" | ")} |`);
  lines.push(`|---|${cols.map(() => "---").join("|")}|`);
  for (const m of result.models) lines.push(`| ${m.name} | ${cols.map(([set, metric]) => cell(m.summary[set]?.[metric])).join(" | ")} |`);
  lines.push("");
  if (data.truth === undefined) lines.push("no truth/ folder: population metrics skipped", "");
  else lines.push(`pop.: every user × catalog tag (${data.truth.n} pairs), label 1 iff the user likes the tag (τ′, paper Eq. 2).`, "");
  return lines.join("\n");
}

const num = (x: number | null | undefined) => (x == null ? "" : String(x));

export function formatCsv(result: BenchResult, data: BenchDataset): string {
  const cols = columns(data);
  const head = ["model", "run", ...cols.map(([set, metric]) => `${set}_${metric}`)];
  const rows = [head.join(",")];
  for (const m of result.models) {
    m.runs.forEach((r, run) => rows.push([m.name, String(run), ...cols.map(([set, metric]) => num(r[set]?.[metric]))].join(",")));
  }
  return rows.join("\n") + "\n";
}

export function formatJson(result: BenchResult, data: BenchDataset, dataset: string): string {
  const { obs, rct, all } = data.labels;
  const out = {
    dataset,
    users: data.users,
    tags: data.tags,
    labels: { all: all.n, obs: obs.n, rct: rct.n },
    populationMetrics: data.truth !== undefined,
    seed: result.seed,
    runs: result.runs,
    epochs: result.epochs,
    precision: result.precision,
    models: result.models.map((m) => ({ name: m.name, description: m.description, options: m.options, summary: m.summary, runs: m.runs })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}
