/**
 * io/dataset/ — a dataset folder as a whole: reading it into the shapes the commands need (read-*),
 * what its artifact holds (card, croissant.json, checksums, the run's provenance, its formats) and
 * `ctar validate`'s file and table checks. It reads and describes datasets; it never generates one.
 *
 * Reads a folder in the CTAR layout (train/{movie,rating,obstag,rcttag},
 * test/{test_1,test_2,test_3,test}, each .csv or .parquet) into typed columns, with errors
 * naming file and line.
 */
import { existsSync, statSync } from "node:fs";
import { InputError } from "../../errors/errors.js";
import type { CtarFolder, IntTable } from "../../stats/ctar-folder.js";
import { findTable, readTable, rowPlace } from "../tables/dataset-table.js";
import { readIntTable, readMovieTable, readMovieTags } from "./read-bench-dataset.js";

export const TEST_FILES = ["test_1", "test_2", "test_3", "test"] as const;

/** movie.csv's tag lists, one Int32Array per movie. */
export function readMovieTagLists(file: string): Int32Array[] {
  const { start, tag } = readMovieTags(file);
  return Array.from({ length: start.length - 1 }, (_, m) => tag.subarray(start[m]!, start[m + 1]!));
}

export function readCtarFolder(dir: string): CtarFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a CTAR dataset with train/ and test/)`);
  const tests: Record<string, IntTable> = {};
  for (const t of TEST_FILES) {
    const loc = findTable(dir, `test/${t}`);
    if (loc === undefined) continue;
    const table = readTable(loc, ["userid", "tagid", "islike"]) as IntTable;
    const like = table.cols[2]!;
    for (let i = 0; i < table.rows; i++) if (like[i] !== 0 && like[i] !== 1) throw new InputError(`${rowPlace(loc, i)}: islike ${like[i]} is not 0 or 1`);
    tests[t] = table;
  }
  const { start, tag } = readMovieTable(dir);
  const int = (name: string, columns: string[]): IntTable => {
    const { rows, cols } = readIntTable(dir, name, columns);
    return { rows, cols };
  };
  return {
    dir,
    movieTags: Array.from({ length: start.length - 1 }, (_, m) => tag.subarray(start[m]!, start[m + 1]!)),
    rating: int("train/rating", ["userid", "movieid", "rating"]),
    obstag: int("train/obstag", ["userid", "movieid", "tagid"]),
    rcttag: int("train/rcttag", ["userid", "movieid", "tagid"]),
    tests,
  };
}
