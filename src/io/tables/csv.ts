/**
 * A small strict CSV reader for ctar's files: a header row, comma-separated fields, double quotes
 * around fields that hold commas (movie.csv's taglist). CRLF line endings and a UTF-8 byte-order
 * mark are accepted (both are valid CSV as written by common tools); everything else that is off
 * is an InputError naming the file, the line and what was expected.
 */
import { InputError } from "../../errors/errors.js";
import { READ_CAPS, readBoundedText } from "../fs/bounded-read.js";
import { forEachCsvRow, parseIntField } from "./csv-text.js";

export { type CsvRowVisitor, forEachCsvRow, parseIntField, parseNumberField, splitCsvLine } from "./csv-text.js";

/** Reads a CSV (or other data) file as text: a regular file within the size cap, else a clear error. */
export function readText(file: string, maxBytes: number = READ_CAPS.csv, what = "a CSV file"): string {
  return readBoundedText(file, maxBytes, what);
}

/**
 * Reads integer columns of a CSV into Int32Arrays (the CTAR layout's rating/obstag/rcttag/test
 * files). Growth is amortised; the result is trimmed to the row count.
 */
export function readIntColumns(file: string, columns: readonly string[]): { rows: number; cols: Int32Array[] } {
  const text = readText(file);
  let cap = Math.max(16, text.length >>> 3);
  let cols = columns.map(() => new Int32Array(cap));
  let rows = 0;
  forEachCsvRow(text, file, columns, (fields, line) => {
    if (rows === cap) {
      cap *= 2;
      cols = cols.map((c) => {
        const g = new Int32Array(cap);
        g.set(c);
        return g;
      });
    }
    for (let k = 0; k < columns.length; k++) {
      const x = parseIntField(fields[k]!, file, line, columns[k]!);
      if (x < -2147483648 || x > 2147483647) throw new InputError(`${file}:${line}: column '${columns[k]}' is out of range (got '${fields[k]}')`);
      cols[k]![rows] = x;
    }
    rows++;
  });
  return { rows, cols: cols.map((c) => c.slice(0, rows)) };
}
