/**
 * The report's input (src/report/report-dataset.ts) read from the files the page generated, held
 * in memory, as src/io/dataset/read-report-dataset.ts reads them from a folder: the same columns
 * parsed from the same CSV bytes (src/io/tables/csv-text.ts), the training labels built by the
 * same function, so that `buildReport` draws the figures `ctar report DIR` draws. The files are
 * ctar's own, just written: the readers' checks of foreign folders are not repeated. With
 * Parquet, the CSV the Parquet was converted from is read (the same values).
 */
import { catalogTagsOf, TEST_SETS, type TestSetName } from "../src/bench/dataset.js";
import type { MovieTags } from "../src/catalog/movie-tags.js";
import { forEachCsvRow, parseIntField, parseNumberField } from "../src/io/tables/csv-text.js";
import type { LabelSet } from "../src/labels/label-set.js";
import { trainingLabels } from "../src/labels/training-labels.js";
import { catalogLabel } from "../src/report/dataset-documents.js";
import type { ReportDataset, ReportTruth } from "../src/report/report-dataset.js";
import type { IntTable } from "../src/stats/ctar-folder.js";

const TEST_FILES: Record<TestSetName, string> = { I: "test_1", II: "test_2", III: "test_3", all: "test" };

type Files = ReadonlyMap<string, Uint8Array>;

function text(files: Files, path: string): string | undefined {
  const b = files.get(path);
  return b === undefined ? undefined : new TextDecoder().decode(b);
}

function numbers(files: Files, path: string, columns: readonly string[], blankable: readonly string[] = []): Float64Array[] {
  const out: number[][] = columns.map(() => []);
  forEachCsvRow(text(files, path)!, path, columns, (f, line) => {
    columns.forEach((c, k) => out[k]!.push(blankable.includes(c) && f[k]!.trim() === "" ? NaN : parseNumberField(f[k]!, path, line, c)));
  });
  return out.map((c) => Float64Array.from(c));
}

function ints(files: Files, path: string, columns: readonly string[]): IntTable {
  const out: number[][] = columns.map(() => []);
  const rows = forEachCsvRow(text(files, path)!, path, columns, (f, line) => columns.forEach((c, k) => out[k]!.push(parseIntField(f[k]!, path, line, c))));
  return { rows, cols: out.map((c) => Int32Array.from(c)) };
}

function movieTags(files: Files): MovieTags {
  const lists: number[][] = [];
  forEachCsvRow(text(files, "train/movie.csv")!, "train/movie.csv", ["movieid", "taglist"], (f, line) => {
    const raw = f[1]!.trim();
    lists.push(raw === "" ? [] : raw.split(",").map((s) => parseIntField(s, "train/movie.csv", line, "taglist")));
  });
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, m) => (start[m + 1] = start[m]! + l.length));
  const tag = new Int32Array(start[lists.length]!);
  lists.forEach((l, m) => tag.set(l, start[m]!));
  return { start, tag };
}

/** Mean exact P(R_O = 1) over users per movie, from truth/full.csv's text. */
function fullTruthByMovie(full: string, movies: number): Float64Array {
  const sum = new Float64Array(movies);
  const count = new Float64Array(movies);
  forEachCsvRow(full, "truth/full.csv.gz", ["movieid", "p_obstag"], (f, line) => {
    const m = parseIntField(f[0]!, "truth/full.csv.gz", line, "movieid");
    sum[m]! += f[1]!.trim() === "" ? NaN : parseNumberField(f[1]!, "truth/full.csv.gz", line, "p_obstag");
    count[m]! += 1;
  });
  return sum.map((s, m) => (count[m]! > 0 ? s / count[m]! : NaN));
}

/**
 * The ReportDataset of the generated files (CSV, by path); `fullTruth`: truth/full.csv's text
 * before its gzip, when the page generated `truth: full`. `dir` names the dataset in the report.
 */
export function reportDataset(dir: string, files: Files, fullTruth?: string): ReportDataset {
  const movies = movieTags(files);
  const movieLists = Array.from({ length: movies.start.length - 1 }, (_, m) => movies.tag.subarray(movies.start[m]!, movies.start[m + 1]!));
  const rating = ints(files, "train/rating.csv", ["userid", "movieid", "rating"]);
  const obstag = ints(files, "train/obstag.csv", ["userid", "movieid", "tagid"]);
  const rcttag = ints(files, "train/rcttag.csv", ["userid", "movieid", "tagid"]);
  const tests: Record<string, IntTable> = {};
  for (const t of Object.values(TEST_FILES)) tests[t] = ints(files, `test/${t}.csv`, ["userid", "tagid", "islike"]);
  const card = JSON.parse(text(files, "config.json")!) as Record<string, unknown>;
  const users = (card["config"] as { users: number }).users;
  const { tags, catalogTags } = catalogTagsOf(movies);
  const feedback = (t: IntTable) => ({ n: t.rows, user: t.cols[0]!, movie: t.cols[1]!, tag: t.cols[2]! });
  const labelSets = {} as Record<TestSetName, LabelSet>;
  for (const name of TEST_SETS) {
    const t = tests[TEST_FILES[name]]!;
    labelSets[name] = { n: t.rows, user: t.cols[0]!, tag: t.cols[1]!, label: Float64Array.from(t.cols[2]!) };
  }
  const labels = { users, tags, catalogTags, labels: trainingLabels(feedback(obstag), feedback(rcttag), movies, users, tags), tests: labelSets };
  let truth: ReportTruth | undefined;
  if (files.has("truth/movie.csv") && files.has("truth/user_tag.csv")) {
    const [movieRank, pRating] = numbers(files, "truth/movie.csv", ["popularity_rank", "p_rating_observed"], ["p_rating_observed"]) as [Float64Array, Float64Array];
    const [tau] = numbers(files, "truth/user_tag.csv", ["tau"]) as [Float64Array];
    truth = fullTruth === undefined ? { movieRank, pRating, tau } : { movieRank, pRating, tau, pObsTagByMovie: fullTruthByMovie(fullTruth, movieLists.length) };
  }
  return {
    dir,
    folder: { dir, movieTags: movieLists, rating, obstag, rcttag, tests },
    labels,
    card: card["catalog"] === undefined ? card : { ...card, catalog: catalogLabel(card["catalog"]) },
    ...(truth === undefined ? {} : { truth }),
  };
}
