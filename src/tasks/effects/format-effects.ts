/** The `effects` bench's output: a Markdown table (mean (sd) over runs) and JSON. Pure strings. */
import type { MeanSd } from "../../bench/summary.js";
import type { EffectsData } from "./effects-data.js";
import type { EffectsBenchResult } from "./run-effects.js";
import { EFFECT_METRICS, TOP_K } from "./score-effects.js";

const f4 = (x: number) => x.toFixed(4);
/** mean (sd); one run (a deterministic estimator) has no sd: "n/a". */
const cell = (s: MeanSd | null) => (s === null ? "–" : `${f4(s.mean)} (${s.sd === null ? "n/a" : f4(s.sd)})`);

export function describeEffectsData(data: EffectsData): string {
  return `users ${data.users}, catalog tags ${data.catalogTags.length} (${data.users * data.catalogTags.length} pairs); ratings ${data.ratings.movie.length}, positive tag labels ${data.likedUser.length}`;
}

export function formatEffectsMarkdown(result: EffectsBenchResult, data: EffectsData, title: string): string {
  const lines = [`## ${title}`, ""];
  lines.push(`${describeEffectsData(data)}. Randomized estimators: ${result.runs} run${result.runs === 1 ? "" : "s"}, seed ${result.seed}, mean (sample sd); deterministic ones: one run (sd n/a).`, "");
  lines.push(`| estimator | ${EFFECT_METRICS.map(([, h]) => h).join(" | ")} |`);
  lines.push(`|---|${EFFECT_METRICS.map(() => "---").join("|")}|`);
  for (const e of result.estimators) lines.push(`| ${e.name} | ${EFFECT_METRICS.map(([k]) => cell(e.summary[k])).join(" | ")} |`);
  lines.push("");
  lines.push(`Against the exact τ of Eq. 1 over every user × catalog tag: PEHE = √mean (τ̂ − τ)² (all pairs; liked pairs only), AUC of τ′ = [τ > 0] scored by τ̂, P@${TOP_K} = mean over users of the liked share of their ${TOP_K} highest τ̂ (ties shared).`, "");
  return lines.join("\n");
}

export function formatEffectsJson(result: EffectsBenchResult, data: EffectsData, dataset: string): string {
  const out = {
    task: "effects",
    dataset,
    users: data.users,
    catalogTags: data.catalogTags.length,
    ratings: data.ratings.movie.length,
    seed: result.seed,
    runs: result.runs,
    estimators: result.estimators,
  };
  return JSON.stringify(out, null, 2) + "\n";
}

/** One row per (estimator, run). */
export function formatEffectsCsv(result: EffectsBenchResult): string {
  const rows = [["estimator", "run", ...EFFECT_METRICS.map(([k]) => k)].join(",")];
  for (const e of result.estimators) e.runs.forEach((r, run) => rows.push([e.name, String(run), ...EFFECT_METRICS.map(([k]) => (r[k] === null ? "" : String(r[k])))].join(",")));
  return rows.join("\n") + "\n";
}
