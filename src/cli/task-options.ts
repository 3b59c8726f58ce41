/**
 * The flags every task command shares (`bench`, `task`, `score`): `--task` and the options the
 * registered tasks declare (src/tasks/registry.ts), each once; and their values for one task.
 */
import type { Command } from "commander";
import { TASKS, taskByName } from "../tasks/registry.js";
import type { Task } from "../tasks/task.js";

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Adds `--task` (with a default, "required", or "none" for a command naming the task otherwise) and every task's options. */
export function addTaskOptions(cmd: Command, task: string): Command {
  const names = TASKS.map((t) => t.name).join(", ");
  if (task === "required") cmd.requiredOption("--task <name>", `the research task (${names})`);
  else if (task !== "none") cmd.option("--task <name>", `the research task (${names})`, task);
  const seen = new Set<string>();
  for (const t of TASKS) {
    for (const o of t.options) {
      if (seen.has(o.flag)) continue;
      seen.add(o.flag);
      // an empty default (an option that is off unless given) is shown as none
      if (o.default === "") cmd.option(`--${o.flag} <value>`, `${t.name}: ${o.help}`);
      else cmd.option(`--${o.flag} <value>`, `${t.name}: ${o.help}`, o.default);
    }
  }
  return cmd;
}

/** The task named by `--task` and its options' values by flag. */
export function taskOf(flags: Readonly<Record<string, unknown>>, where = "--task"): { task: Task; options: Record<string, string> } {
  const task = taskByName(String(flags["task"]), where);
  const options: Record<string, string> = {};
  for (const o of task.options) options[o.flag] = String(flags[camel(o.flag)] ?? o.default);
  return { task, options };
}
