/**
 * The card of a task folder (its README.md): what the task is, what a model sees, what it is
 * scored against, the metrics with their formulas, the files with their columns and checksums,
 * and how to load them and score predictions. Pure text from the task and the file records.
 */
import type { Task } from "./task.js";

export interface CardFile {
  readonly path: string;
  readonly rows: number;
  readonly sha256: string;
  readonly columns: readonly { readonly name: string }[];
  readonly description: string;
}

export function taskCard(task: Pick<Task, "name" | "description" | "sees" | "truth" | "baselines" | "metrics" | "predictionColumns">, described: string, meta: { dataset: string; seed: number; options: Readonly<Record<string, string>> }, files: readonly CardFile[]): string {
  const opts = Object.entries(meta.options).map(([k, v]) => `--${k} ${v}`).join(" ");
  const [a, b, c] = task.predictionColumns;
  return [
    `# ctar task: ${task.name}`,
    "",
    `${task.description}.`,
    "",
    `- dataset: \`${meta.dataset}\`${opts.length > 0 ? `; options: \`${opts}\`` : ""}`,
    `- data: ${described}`,
    `- a model sees: ${task.sees}`,
    `- scored against: ${task.truth}`,
    `- ctar's baselines: ${task.baselines.join(", ")} (\`ctar bench ${meta.dataset} --task ${task.name}\`)`,
    "",
    "## Metrics",
    "",
    ...task.metrics.map((m) => `- **${m.header}**: ${m.formula}`),
    "",
    "## Files",
    "",
    "| file | rows | columns | what | sha256 |",
    "|---|---|---|---|---|",
    ...files.map((f) => `| ${f.path} | ${f.rows} | ${f.columns.map((x) => x.name).join(", ")} | ${f.description} | ${f.sha256} |`),
    "",
    "Load a file with `pandas.read_csv(path)`. Check the files with the sha256 above (task.json lists them too);",
    "`ctar score` refuses a folder whose files changed.",
    "",
    "## Scoring",
    "",
    `Write a CSV (or Parquet) file with the columns \`${a},${b},${c}\` and run`,
    "",
    `    ctar score THIS_FOLDER --task ${task.name} --predictions FILE`,
    "",
  ].join("\n");
}
