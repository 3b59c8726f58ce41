/**
 * `generate --sweep OPTION=V1,V2,…`: one complete dataset per value of one numeric option, every
 * other option (the seed included) the same, in `dir`/OPTION=VALUE/, and `dir`/sweep.json naming
 * the option, the values and each world's checksums (io/dataset/world-set.ts reads it back).
 * `dir` is the caller's temporary folder, so the whole sweep appears at once or not at all.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type SweepSpec, sweepWorldFolder } from "../../config/sweep-spec.js";
import { VERSION } from "../../version.js";
import { writeOutputBytes } from "../fs/output-bytes.js";
import { sha256File } from "../fs/sha256-file.js";
import { CROISSANT_FILE } from "../dataset/dataset-artifact.js";
import { SWEEP_MANIFEST, type SweepManifest, checkSweepManifest } from "../dataset/world-set.js";
import { type RunInputs, type RunOptions, generateInto } from "./generate-run.js";

/** Writes one world per value of `spec` into `dir`, then sweep.json. */
export async function writeSweep(dir: string, spec: SweepSpec, inputsFor: (value: number) => Promise<RunInputs>, options: RunOptions): Promise<SweepManifest> {
  const worlds: SweepManifest["worlds"][number][] = [];
  for (const value of spec.values) {
    const folder = sweepWorldFolder(spec.option.flag, value);
    const sub = join(dir, folder);
    mkdirSync(sub);
    await generateInto(sub, await inputsFor(value), options);
    worlds.push({ value, folder, config_sha256: sha256File(join(sub, "config.json")), croissant_sha256: sha256File(join(sub, CROISSANT_FILE)) });
  }
  const manifest: SweepManifest = { tool: "ctar", kind: "sweep", version: VERSION, parameter: spec.option.flag, path: spec.option.path, values: spec.values, worlds };
  writeOutputBytes(join(dir, SWEEP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
