/** The `ope` bench's output: a Markdown table (mean (sd) over runs), JSON and the runs CSV. Pure strings. */
import type { MeanSd } from "../../bench/summary.js";
import type { TaskBenchConfig } from "../task.js";
import type { OpeData } from "./ope-data.js";
import { OPE_METRICS, type OpeRowResult } from "./ope-bench.js";

const f4 = (x: number) => x.toFixed(4);
const cell = (s: MeanSd | null | undefined) => (s == null ? "–" : `${f4(s.mean)} (${s.sd === null ? "n/a" : f4(s.sd)})`);
const lambdaText = (l: number) => (l === Infinity ? "inf" : String(l));

export function describeOpe(d: OpeData): string {
  const pairs = d.policies.map((p) => `${p.name} ${p.rec.movie.length} pairs, ${p.obsAt.length} observed`).join("; ");
  return `users ${d.users}, movies ${d.movies}, observed ratings ${d.observed.movie.length}; top-${d.options.k} lists: ${pairs}`;
}

/** What the output says about --policy-k beyond the catalog (or nothing). */
export function clampNote(d: OpeData): string | undefined {
  return d.kRequested === undefined ? undefined : `--policy-k ${d.kRequested} clamped to the ${d.movies} movies of the dataset`;
}

export function opeMarkdown(rows: readonly OpeRowResult[], d: OpeData, config: Pick<TaskBenchConfig, "runs" | "epochs" | "seed">, dataset: string): string {
  const lines = [`## ope: off-policy estimators on ${dataset}`, ""];
  lines.push(`${describeOpe(d)}. Reward model: MF on the observed ratings, ${config.epochs} epochs, ${config.runs} run${config.runs === 1 ? "" : "s"} (seed ${config.seed}); estimators without it run once (sd n/a). Propensities: -oracle the exact P(R_R = 1), -est p̂_m = n_m / |U|. Switch-DR λ = ${lambdaText(d.options.lambda)}. Each cell: mean (sample sd) over runs.`, "");
  const note = clampNote(d);
  if (note !== undefined) lines.push(`Note: ${note}.`, "");
  if (!d.exactPropensities) lines.push("Note: the world records no exact P(R_R = 1): the -oracle rows are left out.", "");
  lines.push(`| policy | true value |`, "|---|---|");
  for (const p of d.policies) lines.push(`| ${p.name} | ${f4(p.trueValue)} |`);
  lines.push("");
  const shown = OPE_METRICS.filter((m) => m.key !== "true_value");
  lines.push(`| estimator | ${shown.map((m) => m.header).join(" | ")} |`, `|---|${shown.map(() => "---").join("|")}|`);
  for (const r of rows) lines.push(`| ${r.name} | ${shown.map((m) => cell(r.summary[m.key])).join(" | ")} |`);
  lines.push("");
  return lines.join("\n");
}

export function opeJson(rows: readonly OpeRowResult[], d: OpeData, config: Pick<TaskBenchConfig, "runs" | "epochs" | "seed">, dataset: string): string {
  const note = clampNote(d);
  const out = {
    task: "ope",
    dataset,
    users: d.users,
    movies: d.movies,
    k: d.options.k,
    ...(note === undefined ? {} : { k_requested: d.kRequested, note }),
    switch_lambda: lambdaText(d.options.lambda),
    reward_model: { model: "mf", epochs: config.epochs, runs: config.runs, seed: config.seed },
    estimated_propensities: "p̂_m = n_m / |U| (share of users whose rating of movie m was observed)",
    policies: d.policies.map((p) => ({ name: p.name, users: p.activeUsers, pairs: p.rec.movie.length, observed_pairs: p.obsAt.length, true_value: p.trueValue })),
    estimators: rows,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** One row per (policy/estimator, run): `model,run,<metrics>`, as the bench over worlds reads it. */
export function opeCsv(rows: readonly OpeRowResult[]): string {
  const out = [["model", "run", ...OPE_METRICS.map((m) => m.key)].join(",")];
  for (const r of rows) r.runs.forEach((x, run) => out.push([r.name, String(run), ...OPE_METRICS.map((m) => (x[m.key] == null ? "" : String(x[m.key])))].join(",")));
  return `${out.join("\n")}\n`;
}
