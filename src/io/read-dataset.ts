/**
 * Reads a folder in the CTAR layout (train/{movie,rating,obstag,rcttag}.csv,
 * test/{test_1,test_2,test_3,test}.csv) into typed columns, with errors naming file and line.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/errors.js";
import { forEachCsvRow, parseIntField, readIntColumns, readText } from "./csv.js";

export interface IntTable {
  readonly rows: number;
  readonly cols: Int32Array[];
}

export interface CtarFolder {
  readonly dir: string;
  /** movie.csv: each movie's tag list (released ids). */
  readonly movieTags: Int32Array[];
  readonly rating: IntTable;
  readonly obstag: IntTable;
  readonly rcttag: IntTable;
  /** Test files present, by name (test_1, test_2, test_3, test). */
  readonly tests: Readonly<Record<string, IntTable>>;
}

export const TEST_FILES = ["test_1", "test_2", "test_3", "test"] as const;

export function readMovieTags(file: string): Int32Array[] {
  const out: Int32Array[] = [];
  forEachCsvRow(readText(file), file, ["movieid", "taglist"], (f, line) => {
    const id = parseIntField(f[0]!, file, line, "movieid");
    if (id !== out.length) throw new InputError(`${file}:${line}: movieid ${id} out of order (expected ${out.length}: ids are 0..|M|−1 in order)`);
    const list = f[1]!.trim() === "" ? [] : f[1]!.split(",").map((x) => parseIntField(x, file, line, "taglist"));
    out.push(Int32Array.from(list));
  });
  return out;
}

export function readCtarFolder(dir: string): CtarFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a CTAR dataset with train/ and test/)`);
  const train = (f: string) => join(dir, "train", f);
  const tests: Record<string, IntTable> = {};
  for (const t of TEST_FILES) {
    const file = join(dir, "test", `${t}.csv`);
    if (existsSync(file)) tests[t] = readIntColumns(file, ["userid", "tagid", "islike"]);
  }
  return {
    dir,
    movieTags: readMovieTags(train("movie.csv")),
    rating: readIntColumns(train("rating.csv"), ["userid", "movieid", "rating"]),
    obstag: readIntColumns(train("obstag.csv"), ["userid", "movieid", "tagid"]),
    rcttag: readIntColumns(train("rcttag.csv"), ["userid", "movieid", "tagid"]),
    tests,
  };
}
