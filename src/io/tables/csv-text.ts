/**
 * CSV text parsed without touching files (csv.ts reads the files): the rows of ctar's strict CSV,
 * its header checked, its fields split and parsed, errors naming the file, the line and what was
 * expected. No Node built-in, so that the browser page (docs/browser.md) parses the files it
 * generated with the same code as the readers of a dataset folder.
 */
import { decimalNumber } from "../../config/number-text.js";
import { InputError } from "../../errors/errors.js";

export interface CsvRowVisitor {
  (fields: readonly string[], line: number): void;
}

/** Splits one CSV line into fields (RFC 4180 quoting). */
export function splitCsvLine(s: string, file: string, line: number): string[] {
  if (s.indexOf('"') < 0) return s.split(",");
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (s[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) throw new InputError(`${file}:${line}: unterminated quoted field`);
        v += s.slice(i, q);
        if (s[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(v);
      if (i === s.length) return out;
      if (s[i] !== ",") throw new InputError(`${file}:${line}: expected ',' after a quoted field (got '${s[i]}')`);
      i++;
    } else {
      const c = s.indexOf(",", i);
      if (c < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, c));
      i = c + 1;
    }
  }
}

/**
 * Parses `text` (the contents of `file`), checks that the header holds `required` columns, and calls
 * `visit` for each data row with the fields reordered as `required`. Blank trailing lines are
 * ignored; a blank line in the middle, or a row with the wrong number of fields, is an error.
 */
export function forEachCsvRow(text: string, file: string, required: readonly string[], visit: CsvRowVisitor): number {
  if (text.length === 0 || text.trim().length === 0) throw new InputError(`${file}: empty file (expected a header: ${required.join(",")})`);
  let pos = 0;
  let lineNo = 0;
  let header: string[] | undefined;
  let index: number[] = [];
  let rows = 0;
  const picked: string[] = new Array(required.length);
  const n = text.length;
  while (pos < n) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = n;
    let raw = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    if (raw.length === 0) {
      if (text.slice(pos).trim().length === 0) break;
      throw new InputError(`${file}:${lineNo}: blank line inside the data`);
    }
    const fields = splitCsvLine(raw, file, lineNo);
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      index = required.map((c) => header!.indexOf(c));
      // a required column named twice: which one holds the values would be a guess
      const twice = required.find((c, k) => header!.indexOf(c, index[k]! + 1) >= 0);
      if (twice !== undefined) throw new InputError(`${file}:1: column '${twice}' appears twice in the header ('${header.join(",")}')`);
      const missing = required.filter((_, k) => index[k]! < 0);
      if (missing.length > 0) {
        throw new InputError(
          `${file}:1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `'${m}'`).join(", ")} (header is '${header.join(",")}', expected columns ${required.join(",")})`,
        );
      }
      continue;
    }
    if (fields.length !== header.length) {
      throw new InputError(`${file}:${lineNo}: ${fields.length} fields (expected ${header.length}, as in the header)`);
    }
    for (let k = 0; k < required.length; k++) picked[k] = fields[index[k]!]!;
    visit(picked, lineNo);
    rows++;
  }
  if (header === undefined) throw new InputError(`${file}: empty file (expected a header: ${required.join(",")})`);
  return rows;
}

/** Parses an integer field strictly, naming the place on failure. */
export function parseIntField(v: string, file: string, line: number, column: string): number {
  const t = v.trim();
  if (!/^-?\d+$/.test(t)) throw new InputError(`${file}:${line}: column '${column}' is not an integer (got '${v}')`);
  const x = Number(t);
  if (!Number.isSafeInteger(x)) throw new InputError(`${file}:${line}: column '${column}' is out of range (got '${v}')`);
  return x;
}

/** Parses a finite number field strictly, naming the place on failure. */
export function parseNumberField(v: string, file: string, line: number, column: string): number {
  const x = decimalNumber(v) ?? NaN;
  if (!Number.isFinite(x)) throw new InputError(`${file}:${line}: column '${column}' is not a number (got '${v}')`);
  return x;
}
