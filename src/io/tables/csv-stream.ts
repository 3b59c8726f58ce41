/**
 * Streaming CSV rows of a (possibly gzipped) file in bounded memory: the file is read in chunks,
 * split into lines, checked against the header as `forEachCsvRow` does (csv.ts), and handed out
 * in batches with their line numbers. Used where files may be larger than memory (validate,
 * export, truth/full.csv.gz).
 */
import { createGunzip } from "node:zlib";
import { InputError } from "../../errors/errors.js";
import { parseIntField, parseNumberField, splitCsvLine } from "./csv.js";
import type { ColumnKind } from "../../generate/dataset-layout.js";
import { inputStream } from "../fs/input.js";

export interface CsvHeader {
  readonly file: string;
  readonly columns: readonly string[];
}

export interface CsvRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/** Parses one field of a kind, naming file, line and column on failure. */
export function parseCsvField(v: string, kind: ColumnKind, h: CsvHeader, line: number, k: number): number | Int32Array {
  const column = h.columns[k]!;
  if (kind === "double") return parseNumberField(v, h.file, line, column);
  if (kind === "int") {
    const x = parseIntField(v, h.file, line, column);
    if (x < -2147483648 || x > 2147483647) throw new InputError(`${h.file}:${line}: column '${column}' is out of range (got '${v}')`);
    return x;
  }
  const raw = v.trim();
  if (raw.length === 0) return new Int32Array(0);
  return Int32Array.from(raw.split(","), (s) => parseIntField(s, h.file, line, column));
}

/** Yields the data rows of `file` (fields reordered as `required`) in batches. */
export async function* csvRowStream(file: string, required: readonly string[], gzip: boolean): AsyncGenerator<CsvRow[]> {
  const raw = inputStream(file, gzip ? "a gzipped CSV file" : "a CSV file");
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (e) => stream.destroy(e));
  stream.setEncoding("utf8"); // decodes UTF-8 across chunk boundaries
  let rest = "";
  let lineNo = 0;
  let index: number[] | undefined;
  let width = 0;
  let blankAt = 0;
  let first = true;
  const handle = (text: string, out: CsvRow[]) => {
    lineNo++;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.endsWith("\r")) text = text.slice(0, -1);
    if (text.length === 0) {
      if (blankAt === 0) blankAt = lineNo;
      return;
    }
    if (blankAt > 0) throw new InputError(`${file}:${blankAt}: blank line inside the data`);
    const fields = splitCsvLine(text, file, lineNo);
    if (index === undefined) {
      const header = fields.map((f) => f.trim());
      index = required.map((c) => header.indexOf(c));
      const missing = required.filter((_, k) => index![k]! < 0);
      if (missing.length > 0) throw new InputError(`${file}:1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")} (header is '${header.join(",")}', expected columns ${required.join(",")})`);
      width = header.length;
      return;
    }
    if (fields.length !== width) throw new InputError(`${file}:${lineNo}: ${fields.length} fields (expected ${width}, as in the header)`);
    out.push({ fields: index.map((i) => fields[i]!), line: lineNo });
  };
  try {
    for await (const chunk of stream) {
      const text = rest + (chunk as string);
      const out: CsvRow[] = [];
      let pos = 0;
      for (;;) {
        const nl = text.indexOf("\n", pos);
        if (nl < 0) break;
        handle(text.slice(pos, nl), out);
        pos = nl + 1;
      }
      rest = text.slice(pos);
      if (out.length > 0) yield out;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  const out: CsvRow[] = [];
  if (rest.length > 0) handle(rest, out);
  if (out.length > 0) yield out;
  if (index === undefined) throw new InputError(`${file}: empty file (expected a header: ${required.join(",")})`);
}
