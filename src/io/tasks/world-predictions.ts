/**
 * Which predictions file `ctar score` reads for each world of a folder of worlds (replicates or a
 * sweep, io/dataset/world-set.ts). A world is named by its folder relative to the set: `seed-9527`,
 * `rating-temperature=500`, or `rating-temperature=500/seed-9527` for a sweep with replicates.
 * `--predictions` is either
 *  - a folder holding `<world>.csv` or `<world>.parquet` per world (one of the two), e.g.
 *    `preds/seed-9527.csv` — a folder may hold other files, which are not read; or
 *  - a path with `{world}` standing for the world, e.g. `preds/{world}/mf.csv`.
 * Every world's file is found before any is scored: a missing one is one InputError.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigError, InputError } from "../../errors/errors.js";

export const WORLD_PLACEHOLDER = "{world}";

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/** `--predictions` may not name worlds when the source is one dataset. */
export function checkSinglePredictions(predictions: string): void {
  if (predictions.includes(WORLD_PLACEHOLDER)) throw new ConfigError(`--predictions: ${WORLD_PLACEHOLDER} stands for a world of a replicates or sweep folder, but the folder scored is one dataset (got '${predictions}')`);
}

/** The predictions file of each world (named relative to the set), in order; `set` names the folder of worlds in messages. */
export function worldPredictionFiles(predictions: string, worlds: readonly string[], set: string): string[] {
  const per = worlds.length;
  if (predictions.includes(WORLD_PLACEHOLDER)) {
    return worlds.map((w) => {
      const file = predictions.split(WORLD_PLACEHOLDER).join(w);
      if (!existsSync(file) || isDir(file)) throw new InputError(`${file}: file not found (the predictions of world ${w} of ${set}, from --predictions ${predictions})`);
      return file;
    });
  }
  if (!isDir(predictions)) {
    throw new ConfigError(`--predictions: ${set} holds ${per} worlds, so give one predictions file a world: a folder holding ${worlds[0]}.csv (or .parquet) and the others, or a path with ${WORLD_PLACEHOLDER}, e.g. preds/${WORLD_PLACEHOLDER}.csv (got '${predictions}')`);
  }
  return worlds.map((w) => {
    const found = ["csv", "parquet"].map((ext) => join(predictions, `${w}.${ext}`)).filter((f) => existsSync(f) && !isDir(f));
    if (found.length === 0) throw new InputError(`${join(predictions, `${w}.csv`)}: file not found (the predictions of world ${w} of ${set}: ${w}.csv or ${w}.parquet in ${predictions})`);
    if (found.length > 1) throw new InputError(`${found[0]}: both ${w}.csv and ${w}.parquet are in ${predictions}; keep one`);
    return found[0]!;
  });
}
