/**
 * `ctar task TASK DIR --out TASKDIR`: materialises a research task's data (src/tasks/) from a
 * dataset folder as CSV files a Python user loads, with a card and checksums (io/tasks/task-folder.ts).
 * Deterministic: the same dataset, options and seed give the same bytes.
 */
import type { Command } from "commander";
import { checkOutputDir } from "../io/fs/output.js";
import { TASK_KIND, writeTaskFolder } from "../io/tasks/task-folder.js";
import { taskSource } from "../io/tasks/task-source.js";
import { TASKS } from "../tasks/registry.js";
import { addTaskOptions, taskOf } from "./task-options.js";

export function registerTask(program: Command): void {
  const cmd = program
    .command("task")
    .description("write a research task's data (train / validation / test files, a card and checksums) for any model, e.g. in Python")
    .argument("<task>", `the task (${TASKS.map((t) => t.name).join(", ")})`)
    .argument("<dir>", "dataset folder written by ctar generate")
    .requiredOption("--out <folder>", "the task folder to write (a new or empty folder, or an earlier task folder, which is replaced)");
  addTaskOptions(cmd, "none").action(async (name: string, dir: string, flags: Record<string, unknown>) => {
    const { task, options } = taskOf({ ...flags, task: name }, "task");
    // a task's draws are keyed by the dataset's seed and the task's options (e.g. --split-seed)
    const seed = 0;
    const out = String(flags["out"]);
    checkOutputDir(out, { force: true, kind: TASK_KIND, inputs: [dir] }); // before the work
    const data = await task.load(taskSource(dir, "task"), options, seed);
    const files = await writeTaskFolder(out, task, data, { dataset: dir, seed, options });
    process.stdout.write(`${out}: task ${task.name}: ${task.describe(data)}\n${files.map((f) => `  ${f.path.padEnd(24)} ${f.rows} rows`).join("\n")}\n`);
  });
}
