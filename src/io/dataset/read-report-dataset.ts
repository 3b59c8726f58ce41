/**
 * Everything `ctar report` reads from a dataset folder, behind one function: the train and test
 * files (CTAR layout), config.json (the dataset card: the graph that ran, seed, warnings) and,
 * when present, the ground truth. This is the one place where another storage format (Parquet)
 * would be recognised; the report itself only sees the ReportDataset value.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { InputError } from "../../errors/errors.js";
import { forEachCsvRow, parseNumberField, readText } from "../tables/csv.js";
import { loadBenchDataset } from "./read-bench-dataset.js";
import { readCtarFolder } from "./read-dataset.js";
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

function readFullTruth(file: string, movies: number): Float64Array {
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString("utf8");
  } catch (e) {
    throw new InputError(`${file}: cannot read the gzip file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
  const [movie, p] = numberColumns(file, ["movieid", "p_obstag"], text, ["p_obstag"]) as [Float64Array, Float64Array];
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
  const t = (f: string) => join(dir, "truth", f);
  if (!existsSync(t("movie.csv")) || !existsSync(t("user_tag.csv"))) return undefined;
  // p_rating_observed is blank when R_R's mechanism has no per-movie propensity (a user graph).
  const [movieRank, pRating] = numberColumns(t("movie.csv"), ["popularity_rank", "p_rating_observed"], undefined, ["p_rating_observed"]) as [Float64Array, Float64Array];
  const [tau] = numberColumns(t("user_tag.csv"), ["tau"]) as [Float64Array];
  const base = { movieRank, pRating, tau };
  return existsSync(t("full.csv.gz")) ? { ...base, pObsTagByMovie: readFullTruth(t("full.csv.gz"), movies) } : base;
}

function readCard(dir: string): Record<string, unknown> | undefined {
  const file = join(dir, "config.json");
  if (!existsSync(file)) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("not a JSON object");
    return v as Record<string, unknown>;
  } catch (e) {
    throw new InputError(`${file}: not a dataset card (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

/** Reads a dataset folder for the report; a folder that is not a CTAR dataset is an InputError naming what is missing. */
export function readReportDataset(dir: string): ReportDataset {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a CTAR dataset with train/ and test/)`);
  for (const f of ["train/movie.csv", "train/rating.csv", "train/obstag.csv", "train/rcttag.csv"]) {
    if (!existsSync(join(dir, f))) throw new InputError(`${dir}: not a CTAR dataset (no ${f}; expected train/ and test/ as in the README's "Output layout")`);
  }
  const folder = readCtarFolder(dir);
  const labels = loadBenchDataset(dir);
  const card = readCard(dir);
  const truth = readTruth(dir, folder.movieTags.length);
  return { dir, folder, labels, ...(card === undefined ? {} : { card }), ...(truth === undefined ? {} : { truth }) };
}
