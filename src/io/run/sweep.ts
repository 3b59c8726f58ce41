/**
 * `generate --sweep OPTION=V1,V2,…`: one complete dataset per value of one numeric option, every
 * other option (the seed included) the same, in `dir`/OPTION=VALUE/ — or, with `--replicates K`,
 * K datasets per value (seeds s … s+K−1, the same for every value) — and `dir`/sweep.json naming
 * the option, the values and each dataset's checksums (io/dataset/world-set.ts reads it back).
 * `dir` is the caller's temporary folder, so the whole sweep appears at once or not at all.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type SweepSpec, sweepWorldFolder } from "../../config/sweep-spec.js";
import { VERSION } from "../../version.js";
import { writeOutputBytes } from "../fs/output-bytes.js";
import { sha256File } from "../fs/sha256-file.js";
import { CROISSANT_FILE } from "../dataset/dataset-artifact.js";
import { SWEEP_MANIFEST, type SweepDatasetRecord, type SweepManifest } from "../dataset/world-set.js";
import { replicateFolder, writeReplicates } from "./replicates.js";
import { type RunInputs, type RunOptions, generateInto } from "./generate-run.js";

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
  writeOutputBytes(join(dir, SWEEP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
