/**
 * Mean ± sd over replicate datasets (the same configuration, seeds s … s+K−1) of every figure
 * `ctar stats` computes, so that a paper can report the variance over datasets and not only over
 * model runs. The sd is the sample standard deviation (divisor K − 1; none for K = 1). A figure
 * missing from a replicate (a rating value no user gave) counts as 0 there.
 */
import type { DatasetStats } from "./dataset-stats.js";

export interface FigureSummary {
  readonly mean: number;
  /** Sample standard deviation; null with a single replicate. */
  readonly sd: number | null;
  readonly min: number;
  readonly max: number;
  /** The figure in each replicate, in seed order. */
  readonly values: readonly number[];
}

export interface ReplicateSummary {
  readonly replicates: number;
  readonly seeds: readonly number[];
  /** Dotted path of the figure in `ctar stats --json` (e.g. `rating.histogram.5`) → summary. */
  readonly figures: Readonly<Record<string, FigureSummary>>;
}

/** Every numeric leaf of a stats object, by dotted path, in the object's order. */
export function flattenFigures(value: unknown, prefix = "", out: Map<string, number> = new Map()): Map<string, number> {
  if (typeof value === "number") out.set(prefix, value);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) flattenFigures(v, prefix === "" ? k : `${prefix}.${k}`, out);
  }
  return out;
}

export function summarizeReplicates(stats: readonly DatasetStats[], seeds: readonly number[]): ReplicateSummary {
  if (stats.length === 0 || stats.length !== seeds.length) throw new RangeError(`summarizeReplicates: ${stats.length} stats for ${seeds.length} seeds`);
  const flat = stats.map((s) => flattenFigures(s));
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const f of flat) for (const p of f.keys()) if (!seen.has(p)) (seen.add(p), paths.push(p));
  const figures: Record<string, FigureSummary> = {};
  const k = stats.length;
  for (const p of paths) {
    const values = flat.map((f) => f.get(p) ?? 0);
    const mean = values.reduce((a, b) => a + b, 0) / k;
    const sd = k > 1 ? Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (k - 1)) : null;
    figures[p] = { mean, sd, min: Math.min(...values), max: Math.max(...values), values };
  }
  return { replicates: k, seeds, figures };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6).replace(/\.?0+$/, "");
}

/** summary.md: one row per figure, mean ± sd, min and max. */
export function formatReplicateSummary(s: ReplicateSummary, dir: string): string {
  const lines = [
    `# ${s.replicates} replicate${s.replicates > 1 ? "s" : ""} of ${dir}`,
    "",
    `Seeds ${s.seeds.join(", ")} (folders seed-<s>/). Every figure of \`ctar stats\`: mean ± sample sd (K − 1), min and max over the replicates.`,
    "",
    "| figure | mean ± sd | min | max |",
    "|---|---|---|---|",
  ];
  for (const [p, f] of Object.entries(s.figures)) lines.push(`| ${p} | ${fmt(f.mean)}${f.sd === null ? "" : ` ± ${fmt(f.sd)}`} | ${fmt(f.min)} | ${fmt(f.max)} |`);
  return `${lines.join("\n")}\n`;
}
