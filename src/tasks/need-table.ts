/** A task folder's table that `fromTables` cannot do without: read, or an InputError naming the task's files. */
import { InputError } from "../errors/errors.js";
import type { ReadTable } from "./task.js";

export function needTable(read: (name: string) => ReadTable | undefined, task: string, name: string): ReadTable {
  const t = read(name);
  if (t === undefined) throw new InputError(`task folder: no table '${name}' (expected the files ctar task ${task} writes)`);
  return t;
}
