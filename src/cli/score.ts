/**
 * `ctar score TASKDIR|DIR --task T --predictions FILE`: scores any model's predictions (CSV or
 * Parquet, the task's columns) against a task's truth, from a task folder (checked by version and
 * checksums) or a dataset folder (the task built as `bench` builds it). Prints the task's table row,
 * or JSON; writes nothing. On a folder of worlds (replicates or a sweep) it scores one predictions
 * file a world and reports each figure over the worlds (score-worlds.ts).
 */
import { basename } from "node:path";
import type { Command } from "commander";
import { READ_CAPS } from "../io/fs/bounded-read.js";
import { readNumericTable } from "../io/tasks/read-numeric-table.js";
import { isTaskFolder, readTaskFolder } from "../io/tasks/task-folder.js";
import { taskSource } from "../io/tasks/task-source.js";
import { checkSinglePredictions } from "../io/tasks/world-predictions.js";
import { readWorldSet } from "../io/dataset/world-set.js";
import { scoreJson, scoreMarkdown } from "../tasks/score-table.js";
import type { ScoreResult, Task } from "../tasks/task.js";
import { addTaskOptions, taskOf } from "./task-options.js";
import { scoreOverWorlds } from "./score-worlds.js";

/** A predictions file is refused beyond this many bytes per pair the task has (a row is under 64). */
const BYTES_PER_PAIR = 64;

export function registerScore(program: Command): void {
  const cmd = program
    .command("score")
    .description("score a model's predictions file (CSV or Parquet) on a research task, from a task folder or a dataset folder")
    .argument("<dir>", "a task folder (ctar task) or a dataset folder (ctar generate)")
    .requiredOption("--predictions <file>", "the predictions: ratings userid,movieid,prediction; tags userid,tagid,score; effects userid,tagid,tau; uplift userid,movieid,uplift; ope policy,run,estimate; ranking userid,movieid,score. On a folder of worlds: a folder of <world>.csv|.parquet, or a path with {world}")
    .option("--json", "print the figures as JSON instead of the table row");
  addTaskOptions(cmd, "required").action(async (dir: string, flags: Record<string, unknown>) => {
    const { task, options } = taskOf(flags);
    const file = String(flags["predictions"]);
    const json = flags["json"] === true;
    const worlds = isTaskFolder(dir) ? ({ kind: "dataset", dir } as const) : readWorldSet(dir);
    if (worlds.kind !== "dataset") {
      process.stdout.write(await scoreOverWorlds(worlds, task, options, file, json, scoreFile));
      return;
    }
    checkSinglePredictions(file);
    const data = isTaskFolder(dir) ? task.fromTables(readTaskFolder(dir, task).read) : await task.load(taskSource(dir, "score"), options, 0);
    const result = scoreFile(task, data, file);
    process.stdout.write(json ? scoreJson(task, dir, file, result) : scoreMarkdown(task, basename(file), result));
  });
}

/** Reads a predictions file (the task's columns; no more bytes than its pairs can fill) and scores it. */
function scoreFile(task: Task, data: unknown, file: string): ScoreResult {
  const [a, b, c] = task.predictionColumns;
  const pairs = task.pairCount?.(data);
  const cap = pairs === undefined ? READ_CAPS.csv : Math.min(READ_CAPS.csv, 4096 + BYTES_PER_PAIR * pairs);
  const table = readNumericTable(file, [{ name: a, type: "int32" }, { name: b, type: "int32" }, { name: c, type: "double" }], true, cap);
  return task.score(data, table);
}
