/**
 * `generate --replicates K`: K complete datasets of one configuration with seeds s … s+K−1, in
 * `dir`/seed-<s>/, and `dir`/summary.json + summary.md: mean ± sd over the replicates of every
 * `ctar stats` figure (stats/replicate-summary.ts). `dir` is the caller's temporary folder, so
 * the whole set appears at once or not at all.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type DatasetStats, datasetStats } from "../../stats/dataset-stats.js";
import { type ReplicateSummary, formatReplicateSummary, summarizeReplicates } from "../../stats/replicate-summary.js";
import { type RunInputs, type RunOptions, generateInto } from "./generate-run.js";
import { readCtarFolder } from "../dataset/read-dataset.js";
import { readVariantFigures } from "../dataset/read-variant-stats.js";
import { writeOutputBytes } from "../fs/output-bytes.js";

export const SUMMARY_JSON = "summary.json";

export const SUMMARY_MD = "summary.md";

export function replicateFolder(seed: number): string {
  return `seed-${seed}`;
}

/** Writes the replicates and their summary into `dir`; `label` names the target in summary.md. */
export async function writeReplicates(dir: string, label: string, seeds: readonly number[], inputsFor: (seed: number) => Promise<RunInputs>, options: RunOptions): Promise<ReplicateSummary> {
  const stats: DatasetStats[] = [];
  for (const seed of seeds) {
    const sub = join(dir, replicateFolder(seed));
    mkdirSync(sub);
    await generateInto(sub, await inputsFor(seed), options);
    // a variant world's figures too (none for other worlds: their summary is unchanged)
    stats.push({ ...datasetStats(readCtarFolder(sub)), ...(await readVariantFigures(sub)) });
  }
  const summary = summarizeReplicates(stats, seeds);
  writeOutputBytes(join(dir, SUMMARY_JSON), `${JSON.stringify(summary, null, 2)}\n`);
  writeOutputBytes(join(dir, SUMMARY_MD), formatReplicateSummary(summary, label));
  return summary;
}
