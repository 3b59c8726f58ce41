/**
 * `ctar score`'s output for any task: the task's table row for one model (its metrics' headers,
 * figures to four decimals, "–" where undefined) with the notes under it, or JSON with every
 * figure in full precision.
 */
import type { ScoreResult, Task } from "./task.js";

export function scoreMarkdown(task: Task, model: string, s: ScoreResult): string {
  const cells = task.metrics.map((m) => {
    const v = s.row[m.key];
    return v == null ? "–" : v.toFixed(4);
  });
  return [`| model | ${task.metrics.map((m) => m.header).join(" | ")} |`, `|---|${task.metrics.map(() => "---").join("|")}|`, `| ${model} | ${cells.join(" | ")} |`, "", ...s.notes, ""].join("\n");
}

export function scoreJson(task: Task, source: string, predictions: string, s: ScoreResult): string {
  return JSON.stringify({ task: task.name, source, predictions, metrics: Object.fromEntries(task.metrics.map((m) => [m.key, s.row[m.key] ?? null])), notes: s.notes }, null, 2) + "\n";
}
