/**
 * `ctar score TASKDIR|DIR --task T --predictions FILE`: scores any model's predictions (CSV or
 * Parquet, the task's columns) against a task's truth, from a task folder (checked by version and
 * checksums) or a dataset folder (the task built as `bench` builds it). Prints the task's table row,
 * or JSON; writes nothing.
 */
import { basename } from "node:path";
import type { Command } from "commander";
import { READ_CAPS } from "../io/fs/bounded-read.js";
import { readNumericTable } from "../io/tasks/read-numeric-table.js";
import { isTaskFolder, readTaskFolder } from "../io/tasks/task-folder.js";
import { taskSource } from "../io/tasks/task-source.js";
import { scoreJson, scoreMarkdown } from "../tasks/score-table.js";
import { addTaskOptions, taskOf } from "./task-options.js";

/** A predictions file is refused beyond this many bytes per pair the task has (a row is under 64). */
const BYTES_PER_PAIR = 64;

export function registerScore(program: Command): void {
  const cmd = program
    .command("score")
    .description("score a model's predictions file (CSV or Parquet) on a research task, from a task folder or a dataset folder")
    .argument("<dir>", "a task folder (ctar task) or a dataset folder (ctar generate)")
    .requiredOption("--predictions <file>", "the predictions: ratings userid,movieid,prediction; tags userid,tagid,score")
    .option("--json", "print the figures as JSON instead of the table row");
  addTaskOptions(cmd, "required").action(async (dir: string, flags: Record<string, unknown>) => {
    const { task, options } = taskOf(flags);
    const data = isTaskFolder(dir) ? task.fromTables(readTaskFolder(dir, task).read) : await task.load(taskSource(dir, "score"), options, 0);
    const file = String(flags["predictions"]);
    const [a, b, c] = task.predictionColumns;
    const pairs = task.pairCount?.(data);
    const cap = pairs === undefined ? READ_CAPS.csv : Math.min(READ_CAPS.csv, 4096 + BYTES_PER_PAIR * pairs);
    const table = readNumericTable(file, [{ name: a, type: "int32" }, { name: b, type: "int32" }, { name: c, type: "double" }], true, cap);
    const result = task.score(data, table);
    process.stdout.write(flags["json"] === true ? scoreJson(task, dir, file, result) : scoreMarkdown(task, basename(file), result));
  });
}
