/**
 * `generate --sweep OPTION=V1,V2,…`: one complete dataset per value of one numeric option, every
 * other option (the seed included) the same, in `dir`/OPTION=VALUE/ — or, with `--replicates K`,
 * K datasets per value (seeds s … s+K−1, the same for every value) — and `dir`/sweep.json naming
 * the option, the values and each dataset's checksums (io/dataset/world-set.ts reads it back).
 * `dir` is the caller's temporary folder, so the whole sweep appears at once or not at all.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type SweepSpec, sweepWorldFolder } from "../../config/sweep-spec.js";
import { VERSION } from "../../version.js";
import type { DirKind } from "../fs/atomic-dir.js";
import { sha256File } from "../fs/sha256-file.js";
import { CROISSANT_FILE } from "../dataset/dataset-artifact.js";
import { SWEEP_MANIFEST, type SweepDatasetRecord, type SweepManifest, checkSweepManifest } from "../dataset/world-set.js";
import { replicateFolder, writeReplicates } from "./replicates.js";
import { type RunInputs, type RunOptions, generateInto } from "./generate-run.js";

/** A sweep written by ctar: what `--force` may replace. */
export const SWEEP_KIND: DirKind = {
  name: "ctar sweep",
  marker: 'a sweep.json written by ctar generate --sweep ("kind": "sweep")',
  isOurs: (dir) => {
    try {
      checkSweepManifest(JSON.parse(readSmall(join(dir, SWEEP_MANIFEST))), SWEEP_MANIFEST);
      return true;
    } catch {
      return false;
    }
  },
};

/** The marker is a few kilobytes: a huge file is not ours, and is not read. */
function readSmall(file: string): string {
  if (statSync(file).size > 1 << 20) throw new Error("too large");
  return readFileSync(file, "utf8");
}

function datasetRecord(valueDir: string, folder: string, seed: number): SweepDatasetRecord {
  const d = join(valueDir, folder);
  return { folder, seed, config_sha256: sha256File(join(d, "config.json")), croissant_sha256: sha256File(join(d, CROISSANT_FILE)) };
}

/**
 * Writes one world per value of `spec` into `dir`, then sweep.json. With `seeds` (`--replicates
 * K`), each value's folder is a replicates folder (replicates.ts) of those seeds instead of one
 * dataset of the configuration's seed.
 */
export async function writeSweep(dir: string, spec: SweepSpec, inputsFor: (value: number, seed: number) => Promise<RunInputs>, options: RunOptions & { seed: number; seeds?: readonly number[] }): Promise<SweepManifest> {
  const worlds: SweepManifest["worlds"][number][] = [];
  for (const value of spec.values) {
    const folder = sweepWorldFolder(spec.option.flag, value);
    const sub = join(dir, folder);
    mkdirSync(sub);
    if (options.seeds === undefined) {
      await generateInto(sub, await inputsFor(value, options.seed), options);
      worlds.push({ value, folder, datasets: [datasetRecord(sub, ".", options.seed)] });
    } else {
      await writeReplicates(sub, `${folder} of ${dir}`, options.seeds, (seed) => inputsFor(value, seed), options);
      worlds.push({ value, folder, datasets: options.seeds.map((seed) => datasetRecord(sub, replicateFolder(seed), seed)) });
    }
  }
  const manifest: SweepManifest = { tool: "ctar", kind: "sweep", version: VERSION, parameter: spec.option.flag, path: spec.option.path, values: spec.values, worlds };
  writeFileSync(join(dir, SWEEP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
