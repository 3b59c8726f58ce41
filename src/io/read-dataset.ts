/**
 * Reads a folder in the CTAR layout (train/{movie,rating,obstag,rcttag}.csv,
 * test/{test_1,test_2,test_3,test}.csv) into typed columns, with errors naming file and line.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../errors/errors.js";
import { readIntColumns } from "./csv.js";
import { readMovieTags } from "./read-bench-dataset.js";

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

/** movie.csv's tag lists, one Int32Array per movie. */
export function readMovieTagLists(file: string): Int32Array[] {
  const { movies, start, tags } = readMovieTags(file);
  return Array.from({ length: movies }, (_, m) => tags.subarray(start[m]!, start[m + 1]!));
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
    movieTags: readMovieTagLists(train("movie.csv")),
    rating: readIntColumns(train("rating.csv"), ["userid", "movieid", "rating"]),
    obstag: readIntColumns(train("obstag.csv"), ["userid", "movieid", "tagid"]),
    rcttag: readIntColumns(train("rcttag.csv"), ["userid", "movieid", "tagid"]),
    tests,
  };
}
