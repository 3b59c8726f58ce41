/**
 * io/tasks/ — the research tasks' edge (src/tasks/): a dataset folder offered to a task, a task
 * folder written and read back with its card and checksums, and predictions files read.
 *
 * A dataset folder as a task may read it (src/tasks/task.ts `TaskSource`): the Table-3 bench's
 * view, or the world that wrote it rebuilt from config.json (user modules included).
 */
import { existsSync } from "node:fs";
import type { TaskSource } from "../../tasks/task.js";
import type { WorldRun } from "../../tasks/world-run.js";
import { InputError } from "../../errors/errors.js";
import { loadBenchDataset } from "../dataset/read-bench-dataset.js";
import { loadEffectsData, loadEffectsTruth } from "../dataset/read-effects-data.js";
import { RELEASE_HINT } from "../inputs/data-sources.js";
import { openDatasetPolicyRun } from "../recorded/dataset-policy-run.js";
import { readPolicyFile } from "../inputs/read-policy.js";

export function taskSource(dir: string, command: string): TaskSource {
  if (!existsSync(dir)) throw new InputError(`${command}: dataset folder not found (got '${dir}', expected ${RELEASE_HINT})`);
  return {
    dir,
    benchDataset: () => loadBenchDataset(dir),
    effectsData: () => {
      const data = loadEffectsData(dir);
      const truth = loadEffectsTruth(dir, data);
      return truth === undefined ? { data } : { data, truth };
    },
    world: (): Promise<WorldRun> => openDatasetPolicyRun(dir),
    policyFile: (file, users, movies) => readPolicyFile(file, users, movies),
  };
}
