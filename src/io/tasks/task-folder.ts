/**
 * A task folder (`ctar task TASK DIR --out TASKDIR`): the task's tables as CSV files a Python user
 * loads, a card (README.md: what a model sees, the truth, the metrics, the files) and task.json,
 * the marker, recording the task, the ctar version, the dataset, the options and every file's
 * columns, rows and SHA-256. Written as one transaction (fs/atomic-dir.ts); read back only when
 * the version is this ctar's and every checksum matches, so a changed file is refused (exit 3).
 */
import { existsSync, lstatSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import type { ReadTable, Task } from "../../tasks/task.js";
import { taskCard } from "../../tasks/task-card.js";
import { VERSION } from "../../version.js";
import { READ_CAPS, readInputJson } from "../fs/input.js";
import { writeOutputDir } from "../fs/output.js";
import { writeOutputBytes } from "../fs/output-bytes.js";
import type { DirKind } from "../fs/output-kinds.js";
import { sha256File } from "../fs/sha256-file.js";
import { writeTaskTable } from "../tables/write-table.js";
import { type NumericColumn, readNumericTable } from "./read-numeric-table.js";

export const TASK_JSON = "task.json";

interface FileRecord {
  readonly name: string;
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly columns: readonly NumericColumn[];
  readonly description: string;
}

interface TaskDoc {
  readonly tool: "ctar";
  readonly kind: "task";
  readonly task: string;
  readonly version: string;
  readonly dataset: string;
  readonly seed: number;
  readonly options: Readonly<Record<string, string>>;
  readonly files: readonly FileRecord[];
}

function readDoc(dir: string): Record<string, unknown> | undefined {
  const file = join(dir, TASK_JSON);
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const doc = readInputJson(file, READ_CAPS.config, "a task.json");
    return typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A folder written by `ctar task`: task.json with "tool": "ctar", "kind": "task". */
export const TASK_KIND: DirKind = {
  name: "ctar task folder",
  marker: 'a task.json written by ctar task ("tool": "ctar", "kind": "task")',
  isOurs: (dir) => {
    const d = readDoc(dir);
    return d?.["tool"] === "ctar" && d["kind"] === "task";
  },
};

export function isTaskFolder(dir: string): boolean {
  return existsSync(join(dir, TASK_JSON));
}

/** Writes the task's tables, card and task.json to `out` (replacing only an earlier task folder). */
export async function writeTaskFolder<D>(out: string, task: Task<D>, data: D, meta: { dataset: string; seed: number; options: Readonly<Record<string, string>> }): Promise<readonly FileRecord[]> {
  const files: FileRecord[] = [];
  await writeOutputDir(
    out,
    { force: true, kind: TASK_KIND, inputs: [meta.dataset] },
    (tmp) => {
      for (const t of task.tables(data)) {
        const path = `${t.name}.csv`;
        const rows = writeTaskTable(join(tmp, path), "csv", t);
        const abs = join(tmp, path);
        files.push({ name: t.name, path, rows, bytes: statSync(abs).size, sha256: sha256File(abs), columns: t.columns.map((c) => ({ name: c.name, type: c.type === "int32" ? "int32" : "double" })), description: t.description });
      }
      const doc: TaskDoc = { tool: "ctar", kind: "task", task: task.name, version: VERSION, dataset: meta.dataset, seed: meta.seed, options: meta.options, files };
      writeOutputBytes(join(tmp, "README.md"), taskCard(task, task.describe(data), meta, files));
      writeOutputBytes(join(tmp, TASK_JSON), JSON.stringify(doc, null, 2) + "\n");
    },
  );
  return files;
}

function fileRecords(dir: string, doc: Record<string, unknown>): FileRecord[] {
  const where = join(dir, TASK_JSON);
  const files = doc["files"];
  if (!Array.isArray(files)) throw new InputError(`${where}: no 'files' list`);
  return files.map((f: unknown, i) => {
    const r = f as Partial<FileRecord> | null;
    if (r === null || typeof r.name !== "string" || typeof r.path !== "string" || typeof r.sha256 !== "string" || !Array.isArray(r.columns) || r.path.includes("..")) {
      throw new InputError(`${where}: files[${i}] is not a file record (name, path, sha256, columns)`);
    }
    return r as FileRecord;
  });
}

/** The task folder's tables by name, after its version and every checksum are checked. */
export function readTaskFolder(dir: string, task: Task): { read: (name: string) => ReadTable | undefined; doc: Record<string, unknown> } {
  const where = join(dir, TASK_JSON);
  const doc = readDoc(dir);
  if (doc === undefined || doc["tool"] !== "ctar" || doc["kind"] !== "task") throw new InputError(`${where}: not a task folder written by ctar task (expected ${TASK_KIND.marker})`);
  if (doc["version"] !== VERSION) throw new InputError(`${where}: written by ctar ${String(doc["version"])}, this is ctar ${VERSION} (write the task folder again: ctar task ${String(doc["task"])} DATASET --out ${dir})`);
  if (doc["task"] !== task.name) throw new InputError(`${where}: a folder of the task '${String(doc["task"])}', not '${task.name}' (give --task ${String(doc["task"])})`);
  const files = fileRecords(dir, doc);
  for (const f of files) {
    const file = join(dir, f.path);
    if (!existsSync(file)) throw new InputError(`${file}: missing (task.json lists it)`);
    const sum = sha256File(file);
    if (sum !== f.sha256) throw new InputError(`${file}: SHA-256 ${sum.slice(0, 12)}… differs from task.json's ${f.sha256.slice(0, 12)}… (the file was changed after ctar task wrote it)`);
  }
  const read = (name: string) => {
    const f = files.find((x) => x.name === name);
    return f === undefined ? undefined : readNumericTable(join(dir, f.path), f.columns, true, READ_CAPS.csv);
  };
  return { read, doc };
}
