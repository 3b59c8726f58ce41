/**
 * Reads a CTAR dataset folder for the baselines: DIR/train/{movie,rating,obstag,rcttag},
 * DIR/test/{test_1,test_2,test_3,test} and, if present, DIR/truth/liked_tags, each as .csv or
 * .parquet (dataset-table.ts), into the typed `BenchDataset` (training labels built as the
 * authors did, docs/baselines.md#training-labels).
 */
import { statSync } from "node:fs";
import path from "node:path";
import { TEST_SETS, type BenchDataset, type TestSetName, catalogTagsOf } from "../../bench/dataset.js";
import { TRUTH_PAIRS_MAX, likedTagTruth } from "../../bench/liked-truth.js";
import { InputError } from "../../errors/errors.js";
import type { LabelSet } from "../../labels/label-set.js";
import { type MovieTags, moviesOf } from "../../catalog/movie-tags.js";
import { trainingLabels, type TagFeedback } from "../../labels/training-labels.js";
import { existsSync } from "node:fs";
import { READ_CAPS } from "../fs/bounded-read.js";
import { forEachCsvRow, parseIntField, readText } from "../tables/csv.js";
import { findTable, locateTable, readTable, rowPlace, type TableLocation } from "../tables/dataset-table.js";

const TEST_TABLES: Record<TestSetName, string> = { I: "test/test_1", II: "test/test_2", III: "test/test_3", all: "test/test" };

/** Integer columns of a dataset table (either format). */
export function readIntTable(dir: string, name: string, columns: readonly string[]): { rows: number; cols: Int32Array[]; loc: TableLocation } {
  const loc = locateTable(dir, name);
  const t = readTable(loc, columns);
  return { rows: t.rows, cols: t.cols as Int32Array[], loc };
}

/** train/movie (CSV or Parquet) as tag lists; movie ids must be 0..M−1 in file order. */
export function readMovieTable(dir: string): MovieTags {
  const loc = locateTable(dir, "train/movie");
  if (loc.format === "csv") return readMovieTags(loc.file);
  const t = readTable(loc, ["movieid", "taglist"]);
  const ids = t.cols[0] as Int32Array;
  const lists = t.cols[1] as Int32Array[];
  const start = new Int32Array(t.rows + 1);
  for (let m = 0; m < t.rows; m++) {
    if (ids[m] !== m) throw new InputError(`${rowPlace(loc, m)}: movie ids must be 0, 1, 2, … in file order (got ${ids[m]}, expected ${m})`);
    for (const x of lists[m]!) if (x < 0) throw new InputError(`${rowPlace(loc, m)}: negative tag id in taglist (got ${x})`);
    start[m + 1] = start[m]! + lists[m]!.length;
  }
  const tag = new Int32Array(start[t.rows]!);
  lists.forEach((l, m) => tag.set(l, start[m]!));
  return { start, tag };
}

/** Reads movie.csv (`movieid,taglist`, taglist a quoted comma list); movie ids must be 0..M−1. */
export function readMovieTags(file: string): MovieTags {
  const text = readText(file);
  const lists: number[][] = [];
  forEachCsvRow(text, file, ["movieid", "taglist"], (f, line) => {
    const m = parseIntField(f[0]!, file, line, "movieid");
    if (m !== lists.length) throw new InputError(`${file}:${line}: movie ids must be 0, 1, 2, … in file order (got ${m}, expected ${lists.length})`);
    const raw = f[1]!.trim();
    const tags = raw.length === 0 ? [] : raw.split(",").map((s) => parseIntField(s, file, line, "taglist"));
    for (const t of tags) if (t < 0) throw new InputError(`${file}:${line}: negative tag id in taglist (got ${t})`);
    lists.push(tags);
  });
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, m) => (start[m + 1] = start[m]! + l.length));
  const tag = new Int32Array(start[lists.length]!);
  lists.forEach((l, m) => tag.set(l, start[m]!));
  return { start, tag };
}

function readFeedback(dir: string, name: string): TagFeedback & { file: string } {
  const { rows, cols, loc } = readIntTable(dir, name, ["userid", "movieid", "tagid"]);
  return { n: rows, user: cols[0]!, movie: cols[1]!, tag: cols[2]!, file: loc.file };
}

function readTestSet(dir: string, name: string, users: number, tags: number): LabelSet {
  const { rows, cols, loc } = readIntTable(dir, name, ["userid", "tagid", "islike"]);
  const file = loc.file;
  const [user, tag, like] = cols as [Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < rows; i++) {
    if (user[i]! < 0 || user[i]! >= users) throw new InputError(`${file}:${i + 2}: userid ${user[i]} is out of range (expected 0..${users - 1}, the users of the train files)`);
    if (tag[i]! < 0 || tag[i]! >= tags) throw new InputError(`${file}:${i + 2}: tagid ${tag[i]} is out of range (expected 0..${tags - 1}, the tags of movie.csv)`);
    if (like[i] !== 0 && like[i] !== 1) throw new InputError(`${file}:${i + 2}: islike ${like[i]} is not 0 or 1`);
  }
  return { n: rows, user, tag, label: Float64Array.from(like) };
}

/**
 * Bounds on ids, checked before anything is allocated by them (the bench sizes its tables by the
 * largest id): ctar's own limits (src/config/parse-config.ts allows 50,000,000 users; tags and
 * movies come from a catalog of at most 1,000,000 movies), and the dataset's own user count when
 * its config.json records one.
 */
export const ID_BOUNDS = { users: 50_000_000, tags: 1_000_000 } as const;

/** The largest id of a column, after checking each against [0, bound); line = data row + 2 (header is line 1). */
export function maxIdChecked(file: string, column: string, a: Int32Array, bound: number, why: string, allowMinusOne = false): number {
  let m = -1;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    if (x === -1 && allowMinusOne) continue;
    if (x < 0 || x >= bound) throw new InputError(`${file}:${i + 2}: ${column} ${x} is out of range (expected 0..${bound - 1}, ${why})`);
    if (x > m) m = x;
  }
  return m;
}

/** The user count config.json records (a folder written by ctar), if any. */
export function recordedUsers(dir: string): number | undefined {
  const file = path.join(dir, "config.json");
  if (!existsSync(file)) return undefined;
  const text = readText(file, READ_CAPS.datasetConfig, "a dataset's config.json"); // a FIFO or device is refused, not skipped
  try {
    const users = (JSON.parse(text) as { config?: { users?: unknown } }).config?.users;
    return typeof users === "number" && Number.isSafeInteger(users) && users > 0 ? users : undefined;
  } catch {
    return undefined; // not ours: the generic bounds apply
  }
}

/**
 * Reads DIR/train/{movie,rating,obstag,rcttag}.csv, DIR/test/{test_1,test_2,test_3,test}.csv and,
 * if present, DIR/truth/liked_tags.csv. Sizes: users = config.json's users when the folder records
 * them, else max user id + 1 over the train files; tags = max tag id + 1 over movie.csv.
 * `truth: false` leaves truth/liked_tags.csv unread (the report draws no τ′, so a dataset too large
 * for the τ′ evaluation is still reported).
 */
export function loadBenchDataset(dir: string, o: { readonly truth?: boolean } = {}): BenchDataset {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new InputError(`bench: dataset folder not found (got '${dir}', expected a folder with train/ and test/)`);
  }
  if (!st.isDirectory()) throw new InputError(`bench: not a folder (got '${dir}', expected a folder with train/ and test/)`);
  const train = (f: string) => path.join(dir, "train", f);
  const movies = readMovieTable(dir);
  const ratingLoc = readIntTable(dir, "train/rating", ["userid"]);
  const ratingUsers = ratingLoc.cols[0]!;
  const obstag = readFeedback(dir, "train/obstag");
  const rcttag = readFeedback(dir, "train/rcttag");
  const recorded = recordedUsers(dir);
  const userBound = recorded ?? ID_BOUNDS.users;
  const why = recorded === undefined ? `ctar's limit of ${ID_BOUNDS.users} users` : `the ${recorded} users of config.json`;
  const seen =
    Math.max(
      maxIdChecked(ratingLoc.loc.file, "userid", ratingUsers, userBound, why),
      maxIdChecked(obstag.file, "userid", obstag.user, userBound, why),
      maxIdChecked(rcttag.file, "userid", rcttag.user, userBound, why),
    ) + 1;
  // A folder written by ctar knows its users (some may have no train rows but test rows).
  const users = recorded ?? seen;
  const tagWhy = `ctar's limit of ${ID_BOUNDS.tags} tags`;
  for (let m = 0; m < moviesOf(movies); m++) {
    for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) {
      if (movies.tag[k]! >= ID_BOUNDS.tags) throw new InputError(`${train("movie.csv")}:${m + 2}: tag id ${movies.tag[k]} in taglist is out of range (expected 0..${ID_BOUNDS.tags - 1}, ${tagWhy})`);
    }
  }
  const { tags, catalogTags } = catalogTagsOf(movies);
  maxIdChecked(obstag.file, "tagid", obstag.tag, tags, "the tags of movie.csv, or −1", true);
  maxIdChecked(rcttag.file, "tagid", rcttag.tag, tags, "the tags of movie.csv, or −1", true);
  maxIdChecked(obstag.file, "movieid", obstag.movie, moviesOf(movies), "the movies of movie.csv");
  maxIdChecked(rcttag.file, "movieid", rcttag.movie, moviesOf(movies), "the movies of movie.csv");
  if (users === 0) throw new InputError(`${train("rating.csv")}: no users in the train files`);
  if (tags === 0) throw new InputError(`${train("movie.csv")}: no tags in the tag lists`);
  const labels = trainingLabels(obstag, rcttag, movies, users, tags);
  const tests = {} as Record<TestSetName, LabelSet>;
  for (const name of TEST_SETS) tests[name] = readTestSet(dir, TEST_TABLES[name], users, tags);
  const likedTags = o.truth === false ? undefined : findTable(dir, "truth/liked_tags");
  const truth = likedTags !== undefined ? readTruth(likedTags, users, tags, catalogTags) : undefined;
  return truth === undefined ? { users, tags, catalogTags, labels, tests } : { users, tags, catalogTags, labels, tests, truth };
}

/** τ′ over every user × catalog tag, from the (user, liked tag) rows of truth/liked_tags.csv. */
function readTruth(loc: TableLocation, users: number, tags: number, catalogTags: Int32Array): LabelSet {
  const file = loc.file;
  const pairs = users * catalogTags.length;
  if (pairs > TRUTH_PAIRS_MAX) {
    throw new InputError(`${file}: ${users} users × ${catalogTags.length} tags = ${pairs} pairs, more than the ${TRUTH_PAIRS_MAX} the τ′ evaluation holds (move truth/liked_tags.csv away to bench without it)`);
  }
  const { rows, cols } = readTable(loc, ["userid", "tagid"]) as { rows: number; cols: Int32Array[] };
  for (let i = 0; i < rows; i++) {
    const u = cols[0]![i]!;
    const t = cols[1]![i]!;
    if (u < 0 || u >= users) throw new InputError(`${file}:${i + 2}: userid ${u} is out of range (expected 0..${users - 1}, the users of the train files)`);
    if (t < 0) throw new InputError(`${file}:${i + 2}: tagid ${t} is negative (expected a tag id ≥ 0)`);
  }
  return likedTagTruth(users, tags, catalogTags, cols[0]!, cols[1]!);
}
