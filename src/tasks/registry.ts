/** The research tasks, by name: adding a task is its folder under src/tasks/ and one line here. */
import { ConfigError } from "../errors/errors.js";
import type { Task } from "./task.js";
import { ratingsTask } from "./ratings/ratings-task.js";
import { tagsTask } from "./tags/tags-task.js";
import { effectsTask } from "./effects/effects-task.js";
import { upliftTask } from "./uplift/uplift-task.js";
import { opeTask } from "./ope/ope-task.js";
import { rankingTask } from "./ranking/ranking-task.js";

export const TASKS: readonly Task[] = [
  tagsTask as Task,
  effectsTask as Task,
  ratingsTask as Task,
  upliftTask as Task,
  opeTask as Task,
  rankingTask as Task,
];

/** The task of that name, or a ConfigError listing the known tasks. */
export function taskByName(name: string, where = "--task"): Task {
  const t = TASKS.find((x) => x.name === name);
  if (t === undefined) throw new ConfigError(`${where}: unknown task '${name}' (known tasks: ${TASKS.map((x) => x.name).join(", ")})`);
  return t;
}
