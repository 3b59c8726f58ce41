/**
 * `ctar score` on a folder of worlds (io/dataset/world-set.ts): each world's task built as `ctar
 * score WORLD` builds it and its own predictions file (io/tasks/world-predictions.ts) scored, in
 * the manifest's order; then each figure as mean ± sd over the worlds (tasks/score-over-worlds.ts):
 * over all of them for replicates, over each value's for a sweep. Every file is found before any
 * world is scored.
 */
import type { World, WorldSet } from "../io/dataset/world-set.js";
import { taskSource } from "../io/tasks/task-source.js";
import { worldPredictionFiles } from "../io/tasks/world-predictions.js";
import { type ValueScores, type WorldScore, replicatesScoreJson, replicatesScoreMarkdown, sweepScoreJson, sweepScoreMarkdown } from "../tasks/score-over-worlds.js";
import type { ScoreResult, Task } from "../tasks/task.js";

type ManyWorlds = Exclude<WorldSet, { kind: "dataset" }>;

/** Reads one predictions file for a task's data (the task's columns, size-capped) and scores it. */
export type ScoreFile = (task: Task, data: unknown, file: string) => ScoreResult;

/** The set's datasets, each with its name relative to the set and the sweep value it belongs to. */
function datasetsOf(set: ManyWorlds): { name: string; world: World; value?: number; folder: string }[] {
  if (set.kind === "replicates") return set.worlds.map((w) => ({ name: w.folder, world: w, folder: w.folder }));
  return set.worlds.flatMap((v) => (v.replicates ?? [v]).map((d) => ({ name: v.replicates === undefined ? v.folder : `${v.folder}/${d.folder}`, world: d, value: v.value!, folder: v.folder })));
}

export async function scoreOverWorlds(set: ManyWorlds, task: Task, options: Readonly<Record<string, string>>, predictions: string, json: boolean, scoreFile: ScoreFile): Promise<string> {
  const datasets = datasetsOf(set);
  const files = worldPredictionFiles(predictions, datasets.map((d) => d.name), set.dir);
  const scores: WorldScore[] = [];
  for (const [i, d] of datasets.entries()) {
    const data = await task.load(taskSource(d.world.dir, "score"), options, 0);
    scores.push({ world: d.name, ...(d.world.seed === undefined ? {} : { seed: d.world.seed }), ...(d.value === undefined ? {} : { value: d.value }), predictions: files[i]!, result: scoreFile(task, data, files[i]!) });
  }
  const c = { source: set.dir, predictions };
  if (set.kind === "replicates") return json ? replicatesScoreJson(task, c, scores) : replicatesScoreMarkdown(task, c, scores);
  const values: ValueScores[] = set.worlds.map((v) => ({ value: v.value!, folder: v.folder, worlds: scores.filter((s, i) => datasets[i]!.folder === v.folder) }));
  const sc = { ...c, parameter: set.manifest.parameter };
  return json ? sweepScoreJson(task, sc, values) : sweepScoreMarkdown(task, sc, values);
}
