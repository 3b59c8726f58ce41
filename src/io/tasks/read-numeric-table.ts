/**
 * Reads a numeric table a task needs — a task folder's file or a user's predictions file — as a
 * `ReadTable` (src/tasks/task.ts): CSV (whole file, within a byte cap) or Parquet (by the `.parquet`
 * extension). Columns are named and typed (int32: integers; double: finite numbers); with `exact`
 * the file must have exactly those columns, no more. Every fault is one InputError naming the
 * file and, where there is one, the line (CSV) or row (Parquet).
 */
import { existsSync, statSync } from "node:fs";
import { InputError } from "../../errors/errors.js";
import type { ReadTable } from "../../tasks/task.js";
import { readBoundedText } from "../fs/bounded-read.js";
import { forEachCsvRow, parseIntField, parseNumberField, splitCsvLine } from "../tables/csv.js";
import { openParquetTableReader } from "../tables/parquet/table-reader.js";

export interface NumericColumn {
  readonly name: string;
  readonly type: "int32" | "double";
}

function table(file: string, rows: number, names: readonly string[], cols: (Int32Array | Float64Array)[], place: (i: number) => string): ReadTable {
  return {
    file,
    rows,
    column(name) {
      const k = names.indexOf(name);
      if (k < 0) throw new InputError(`${file}: no column '${name}' (columns are ${names.join(",")})`);
      return cols[k]!;
    },
    place,
  };
}

function checkHeader(file: string, where: string, got: readonly string[], want: readonly NumericColumn[], exact: boolean): void {
  const missing = want.filter((c) => !got.includes(c.name)).map((c) => c.name);
  const extra = got.filter((g) => !want.some((c) => c.name === g));
  const expected = want.map((c) => c.name).join(",");
  if (missing.length > 0) throw new InputError(`${where}: missing column ${missing.map((m) => `'${m}'`).join(", ")} (columns are ${got.join(",")}; expected ${expected})`);
  if (exact && extra.length > 0) throw new InputError(`${where}: extra column ${extra.map((m) => `'${m}'`).join(", ")} (expected exactly ${expected})`);
  if (new Set(got).size !== got.length) throw new InputError(`${where}: a column name appears twice (header ${got.join(",")})`);
}

function readCsv(file: string, want: readonly NumericColumn[], exact: boolean, maxBytes: number): ReadTable {
  const text = readBoundedText(file, maxBytes, "a table file");
  const first = text.slice(0, Math.max(0, text.indexOf("\n"))).replace(/\r$/, "") || text.trim();
  if (first.length > 0) checkHeader(file, `${file}:1`, splitCsvLine(first, file, 1).map((s) => s.trim()), want, exact);
  const grow = want.map((c) => (c.type === "int32" ? new Int32Array(1024) : new Float64Array(1024))) as (Int32Array | Float64Array)[];
  let n = 0;
  forEachCsvRow(text, file, want.map((c) => c.name), (f, line) => {
    if (n === grow[0]!.length) for (let k = 0; k < grow.length; k++) {
      const bigger = grow[k] instanceof Int32Array ? new Int32Array(n * 2) : new Float64Array(n * 2);
      bigger.set(grow[k]!);
      grow[k] = bigger;
    }
    for (let k = 0; k < want.length; k++) {
      const c = want[k]!;
      const v = c.type === "int32" ? parseIntField(f[k]!, file, line, c.name) : parseNumberField(f[k]!, file, line, c.name);
      if (c.type === "int32" && (v < -2147483648 || v > 2147483647)) throw new InputError(`${file}:${line}: column '${c.name}' is out of range (got ${v})`);
      grow[k]![n] = v;
    }
    n++;
  });
  if (n === 0) throw new InputError(`${file}:2: no data rows, only a header (expected rows of ${want.map((c) => c.name).join(",")})`);
  return table(file, n, want.map((c) => c.name), grow.map((g) => g.slice(0, n)), (i) => `${file}:${i + 2}`);
}

function readParquet(file: string, want: readonly NumericColumn[], exact: boolean, maxBytes: number): ReadTable {
  if (statSync(file).size > maxBytes) throw new InputError(`${file}: ${statSync(file).size} bytes, more than a table of this task can need (${maxBytes})`);
  const t = openParquetTableReader(file);
  try {
    checkHeader(file, file, t.columns.map((c) => c.name), want, exact);
    if (t.rows === 0) throw new InputError(`${file}: no rows (expected rows of ${want.map((c) => c.name).join(",")})`);
    const cols = want.map((c) => (c.type === "int32" ? new Int32Array(t.rows) : new Float64Array(t.rows)));
    let start = 0;
    for (let g = 0; g < t.rowGroups; g++) {
      const v = t.readRowGroup(g, want.map((c) => c.name));
      for (let k = 0; k < want.length; k++) {
        const src = v[k] as ArrayLike<number | bigint>;
        for (let i = 0; i < src.length; i++) {
          const x = Number(src[i]!);
          const bad = want[k]!.type === "int32" ? !Number.isInteger(x) || x < -2147483648 || x > 2147483647 : !Number.isFinite(x);
          if (bad) throw new InputError(`${file}: row ${start + i + 1}: column '${want[k]!.name}' is not ${want[k]!.type === "int32" ? "an integer" : "a finite number"} (got ${x})`);
          cols[k]![start + i] = x;
        }
      }
      start += t.groupRows(g);
    }
    return table(file, t.rows, want.map((c) => c.name), cols, (i) => `${file}: row ${i + 1}`);
  } finally {
    t.close();
  }
}

export function readNumericTable(file: string, want: readonly NumericColumn[], exact: boolean, maxBytes: number): ReadTable {
  if (!existsSync(file)) throw new InputError(`${file}: file not found`);
  return file.toLowerCase().endsWith(".parquet") ? readParquet(file, want, exact, maxBytes) : readCsv(file, want, exact, maxBytes);
}
