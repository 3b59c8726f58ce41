/**
 * Everything `ctar report` reads from a dataset folder, behind one function: the train and test
 * files (CTAR layout), config.json (the dataset card: the graph that ran, seed, warnings) and,
 * when present, the ground truth, each table as CSV or Parquet (dataset-table.ts), as every
 * other reader accepts them; the report itself only sees the ReportDataset value.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import { forEachCsvRow, parseNumberField, readText } from "../tables/csv.js";
import { type TableLocation, findTable, gunzipText, readTable } from "../tables/dataset-table.js";
import { READ_CAPS, readInputJson } from "../fs/input.js";
import { loadBenchDataset } from "./read-bench-dataset.js";
import { readCtarFolder } from "./read-dataset.js";
import { catalogLabel } from "./run-provenance.js";
import type { ReportDataset, ReportTruth } from "../../report/report-dataset.js";

/** Number columns; in `blankable` columns an empty cell is NaN (a quantity the graph that ran does not define). */
function numberColumns(file: string, columns: readonly string[], text = readText(file), blankable: readonly string[] = []): Float64Array[] {
  const out: number[][] = columns.map(() => []);
  forEachCsvRow(text, file, columns, (fields, line) => {
    columns.forEach((c, k) => {
      const v = fields[k]!;
      out[k]!.push(blankable.includes(c) && v.trim() === "" ? NaN : parseNumberField(v, file, line, c));
    });
  });
  return out.map((c) => Float64Array.from(c));
}

/** Number columns of a table in either format (blank CSV cells of `blankable` columns are NaN). */
function tableColumns(loc: TableLocation, columns: readonly string[], blankable: readonly string[] = []): Float64Array[] {
  if (loc.format === "csv") return numberColumns(loc.file, columns, loc.table.gzip === true ? gunzipText(loc.file) : readText(loc.file), blankable);
  return readTable(loc, columns).cols.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c as Int32Array)));
}

function readFullTruth(loc: TableLocation, movies: number): Float64Array {
  const file = loc.file;
  const [movie, p] = tableColumns(loc, ["movieid", "p_obstag"], ["p_obstag"]) as [Float64Array, Float64Array];
  const sum = new Float64Array(movies);
  const count = new Float64Array(movies);
  for (let i = 0; i < movie.length; i++) {
    const m = movie[i]!;
    if (m < 0 || m >= movies) throw new InputError(`${file}: row ${i + 1} has movie ${m} (expected 0..${movies - 1})`);
    sum[m]! += p[i]!;
    count[m]! += 1;
  }
  return sum.map((s, m) => (count[m]! > 0 ? s / count[m]! : NaN));
}

function readTruth(dir: string, movies: number): ReportTruth | undefined {
  const movie = findTable(dir, "truth/movie");
  const userTag = findTable(dir, "truth/user_tag");
  if (movie === undefined || userTag === undefined) return undefined;
  // p_rating_observed is blank when R_R's mechanism has no per-movie propensity (a user graph).
  const [movieRank, pRating] = tableColumns(movie, ["popularity_rank", "p_rating_observed"], ["p_rating_observed"]) as [Float64Array, Float64Array];
  const [tau] = tableColumns(userTag, ["tau"]) as [Float64Array];
  const base = { movieRank, pRating, tau };
  const full = findTable(dir, "truth/full");
  return full !== undefined ? { ...base, pObsTagByMovie: readFullTruth(full, movies) } : base;
}

function readCard(dir: string): Record<string, unknown> | undefined {
  const file = join(dir, "config.json");
  if (!existsSync(file)) return undefined;
  const v = readInputJson(file, READ_CAPS.datasetConfig, "a dataset's config.json");
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new InputError(`${file}: not a dataset card (expected a JSON object)`);
  const card = v as Record<string, unknown>;
  // the catalog is recorded as an object ({ kind, seed } or { kind, path, sha256 }): the page shows its label
  return card["catalog"] === undefined ? card : { ...card, catalog: catalogLabel(card["catalog"]) };
}

/** Reads a dataset folder for the report; a folder that is not a CTAR dataset is an InputError naming what is missing. */
export function readReportDataset(dir: string): ReportDataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a CTAR dataset with train/ and test/)`);
  for (const f of ["train/movie", "train/rating", "train/obstag", "train/rcttag"]) {
    if (findTable(dir, f) === undefined) throw new InputError(`${dir}: not a CTAR dataset (no ${f}.csv nor ${f}.parquet; expected train/ and test/ as in docs/output.md, "Output layout")`);
  }
  const folder = readCtarFolder(dir);
  const labels = loadBenchDataset(dir, { truth: false });
  const card = readCard(dir);
  const truth = readTruth(dir, folder.movieTags.length);
  return { dir, folder, labels, ...(card === undefined ? {} : { card }), ...(truth === undefined ? {} : { truth }) };
}
