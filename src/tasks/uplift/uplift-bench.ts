/**
 * The uplift bench: each baseline trained on the observed (Rec, Y) and scored by the causal
 * ranking metrics (causal-metrics.ts) against the exact τ, with two reference rows that are not
 * models: the ranking by the exact τ (the ceiling) and a ranking with every movie tied (what a
 * random ranking scores in expectation). Every baseline is deterministic given the bench seed
 * (the low-rank fits start from its stream and converge to the same subspace), so each runs once
 * and `--runs` does not apply. Output: Markdown, CSV, JSON.
 */
import { type MeanSd, meanSd } from "../../bench/summary.js";
import type { TaskBenchConfig, TaskMetric, TaskTable } from "../task.js";
import { CP_KS, type UserScores, causalMetrics } from "./causal-metrics.js";
import type { UpliftBaseline } from "./uplift-baselines.js";
import { type UpliftData, effectOf } from "./uplift-data.js";

export const UPLIFT_METRICS: readonly TaskMetric[] = [
  ...CP_KS.map((k) => ({ key: `cp${k}`, header: `CP@${k}`, formula: `mean over users of (1/${k}) Σ τ over the user's ${k} highest-scored movies (ties share places)` })),
  { key: "cdcg", header: "CDCG", formula: "mean over users of Σ_m τ_{u,m} / log2(1 + rank_u(m)), every movie ranked (ties share places)" },
];

export interface UpliftModelResult {
  readonly name: string;
  readonly description: string;
  readonly runs: readonly Record<string, number>[];
  readonly summary: Readonly<Record<string, MeanSd | null>>;
  readonly scores: readonly UserScores[];
}

/** The exact τ of user u's movies. */
export const exactEffects =
  (d: UpliftData): UserScores =>
  (u, out) => {
    for (let m = 0; m < d.movies; m++) out[m] = effectOf(d, u, m);
  };

export function runUpliftBench(d: UpliftData, models: readonly UpliftBaseline[], config: TaskBenchConfig): UpliftModelResult[] {
  const truth = exactEffects(d);
  return models.map((b, i) => {
    const s = b.fit(d, config.seed);
    const runs = [causalMetrics(d.users, d.movies, s, truth)];
    const scores = config.predictions ? [s] : [];
    config.onProgress?.(i + 1, models.length, b.name, 0);
    return { name: b.name, description: b.description, runs, summary: Object.fromEntries(UPLIFT_METRICS.map((m) => [m.key, meanSd(runs.map((r) => r[m.key] ?? null))])), scores };
  });
}

/** The two reference rows: ranking by the exact τ, and every movie tied. */
export function referenceRows(d: UpliftData): { ceiling: Record<string, number>; tied: Record<string, number> } {
  const truth = exactEffects(d);
  return { ceiling: causalMetrics(d.users, d.movies, truth, truth), tied: causalMetrics(d.users, d.movies, (_u, out) => out.fill(0), truth) };
}

export function describeUplift(d: UpliftData): string {
  let rec = 0;
  let y = 0;
  for (let i = 0; i < d.rec.length; i++) {
    rec += d.rec[i]!;
    y += d.y[i]!;
  }
  const pairs = d.users * d.movies;
  return `users ${d.users}, movies ${d.movies} (${pairs} pairs); recommended ${rec} (${((100 * rec) / pairs).toFixed(2)}%), watched ${y} (${((100 * y) / pairs).toFixed(2)}%)${d.propensity === undefined ? "; no oracle propensities" : ""}`;
}

const f4 = (x: number) => x.toFixed(4);
const cell = (s: MeanSd | null | undefined) => (s == null ? "–" : s.sd === null ? f4(s.mean) : `${f4(s.mean)} (${f4(s.sd)})`);

export function upliftMarkdown(results: readonly UpliftModelResult[], d: UpliftData, config: TaskBenchConfig, dataset: string): string {
  const ref = referenceRows(d);
  const lines = [`## Uplift task on ${dataset}`, "", `${describeUplift(d)}. Seed ${config.seed}; every baseline is deterministic: one run each.`, ""];
  lines.push(`| model | ${UPLIFT_METRICS.map((m) => m.header).join(" | ")} |`, `|---|${UPLIFT_METRICS.map(() => "---").join("|")}|`);
  for (const r of results) lines.push(`| ${r.name} | ${UPLIFT_METRICS.map((m) => cell(r.summary[m.key])).join(" | ")} |`);
  lines.push(`| *exact τ (ceiling)* | ${UPLIFT_METRICS.map((m) => f4(ref.ceiling[m.key]!)).join(" | ")} |`);
  lines.push(`| *all tied (random)* | ${UPLIFT_METRICS.map((m) => f4(ref.tied[m.key]!)).join(" | ")} |`);
  lines.push("", "Against the exact τ = P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0)) of every user × movie.", "");
  return lines.join("\n");
}

export function upliftCsv(results: readonly UpliftModelResult[]): string {
  const rows = [["model", "run", ...UPLIFT_METRICS.map((m) => m.key)].join(",")];
  for (const r of results) r.runs.forEach((x, run) => rows.push([r.name, String(run), ...UPLIFT_METRICS.map((m) => String(x[m.key]))].join(",")));
  return rows.join("\n") + "\n";
}

export function upliftJson(results: readonly UpliftModelResult[], d: UpliftData, config: TaskBenchConfig, dataset: string): string {
  const out = {
    task: "uplift",
    dataset,
    users: d.users,
    movies: d.movies,
    listedPairs: d.movie.length,
    oracle: d.propensity !== undefined,
    seed: config.seed,
    reference: referenceRows(d),
    models: results.map((r) => ({ name: r.name, description: r.description, summary: r.summary, runs: r.runs })),
  };
  return JSON.stringify(out, null, 2) + "\n";
}

/** `bench --predictions`: every user × movie's score of each (model, run), one block per user. */
export function upliftPredictionTables(results: readonly UpliftModelResult[], d: UpliftData): TaskTable[] {
  const movie = Int32Array.from({ length: d.movies }, (_, m) => m);
  return results.flatMap((r) =>
    r.scores.map((s, run) => ({
      name: `predictions/${r.name}-run${run}`,
      description: "an estimated uplift for every user × movie",
      columns: [
        { name: "userid", type: "int32" as const },
        { name: "movieid", type: "int32" as const },
        { name: "uplift", type: "double" as const },
      ],
      *blocks() {
        for (let u = 0; u < d.users; u++) {
          const out = new Float64Array(d.movies);
          s(u, out);
          yield [new Int32Array(d.movies).fill(u), movie, out];
        }
      },
    })),
  );
}
