/**
 * `ctar report REPS --bench B`: the page of a bench over replicate worlds (report/worlds-report.ts)
 * from the bench.json of `ctar bench REPS --out B`, checked to be a bench of these worlds.
 */
import { existsSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { InputError } from "../errors/errors.js";
import type { WorldSet } from "../io/dataset/world-set.js";
import { READ_CAPS, readInputJson } from "../io/fs/input.js";
import { buildWorldsReport, worldsBenchOf } from "../report/worlds-report.js";

type Replicates = Extract<WorldSet, { kind: "replicates" }>;

export async function worldsReport(set: Replicates, benchFolder: string, metric: string | undefined): Promise<string> {
  const file = join(benchFolder, "bench.json");
  if (!existsSync(file)) throw new InputError(`--bench ${benchFolder}: no bench.json there (expected the --out folder of 'ctar bench ${set.dir} --out FOLDER')`);
  const doc = readInputJson(file, READ_CAPS.manifest, "a bench.json of ctar");
  const bench = worldsBenchOf(doc, file, set.worlds.map((w) => ({ folder: w.folder, seed: w.seed! })), metric);
  return buildWorldsReport(basename(resolve(set.dir)), bench);
}
