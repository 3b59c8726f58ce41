/**
 * Reads a CTAR dataset folder for the baselines: DIR/train/{movie,rating,obstag,rcttag}.csv,
 * DIR/test/{test_1,test_2,test_3,test}.csv and, if present, DIR/truth/liked_tags.csv, into the
 * typed `BenchDataset` (training labels built as the authors did, docs/baselines.md#training-labels).
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { TEST_SETS, type BenchDataset, type TestSetName } from "../bench/dataset.js";
import { InputError } from "../errors/errors.js";
import type { LabelSet } from "../labels/label-set.js";
import { trainingLabels, type MovieTags, type TagFeedback } from "../labels/training-labels.js";
import { forEachCsvRow, parseIntField, readIntColumns, readText } from "./csv.js";

const TEST_FILES: Record<TestSetName, string> = { I: "test_1.csv", II: "test_2.csv", III: "test_3.csv", all: "test.csv" };

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
  const tags = new Int32Array(start[lists.length]!);
  lists.forEach((l, m) => tags.set(l, start[m]!));
  return { movies: lists.length, start, tags };
}

function readFeedback(file: string): TagFeedback {
  const { rows, cols } = readIntColumns(file, ["userid", "movieid", "tagid"]);
  return { n: rows, user: cols[0]!, movie: cols[1]!, tag: cols[2]! };
}

function readTestSet(file: string, users: number, tags: number): LabelSet {
  const { rows, cols } = readIntColumns(file, ["userid", "tagid", "islike"]);
  const [user, tag, like] = cols as [Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < rows; i++) {
    if (user[i]! < 0 || user[i]! >= users) throw new InputError(`${file}: row ${i + 1} has user ${user[i]} (expected 0..${users - 1}, the users of the train files)`);
    if (tag[i]! < 0 || tag[i]! >= tags) throw new InputError(`${file}: row ${i + 1} has tag ${tag[i]} (expected 0..${tags - 1}, the tags of movie.csv)`);
    if (like[i] !== 0 && like[i] !== 1) throw new InputError(`${file}: row ${i + 1} has islike ${like[i]} (expected 0 or 1)`);
  }
  return { n: rows, user, tag, label: Float64Array.from(like) };
}

function maxOf(a: Int32Array, init: number): number {
  let m = init;
  for (let i = 0; i < a.length; i++) if (a[i]! > m) m = a[i]!;
  return m;
}

/**
 * Reads DIR/train/{movie,rating,obstag,rcttag}.csv, DIR/test/{test_1,test_2,test_3,test}.csv and,
 * if present, DIR/truth/liked_tags.csv. Sizes come from the data: users = max user id + 1 over the
 * train files; tags = max tag id + 1 over movie.csv.
 */
export function loadBenchDataset(dir: string): BenchDataset {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new InputError(`bench: dataset folder not found (got '${dir}', expected a folder with train/ and test/)`);
  }
  if (!st.isDirectory()) throw new InputError(`bench: not a folder (got '${dir}', expected a folder with train/ and test/)`);
  const train = (f: string) => path.join(dir, "train", f);
  const movies = readMovieTags(train("movie.csv"));
  const ratingUsers = readIntColumns(train("rating.csv"), ["userid"]).cols[0]!;
  const obstag = readFeedback(train("obstag.csv"));
  const rcttag = readFeedback(train("rcttag.csv"));
  const users = Math.max(maxOf(ratingUsers, -1), maxOf(obstag.user, -1), maxOf(rcttag.user, -1)) + 1;
  const tags = maxOf(movies.tags, -1) + 1;
  if (users === 0) throw new InputError(`${train("rating.csv")}: no users in the train files`);
  if (tags === 0) throw new InputError(`${train("movie.csv")}: no tags in the tag lists`);
  const present = new Uint8Array(tags);
  for (const t of movies.tags) present[t] = 1;
  const catalog: number[] = [];
  for (let t = 0; t < tags; t++) if (present[t] === 1) catalog.push(t);
  const catalogTags = Int32Array.from(catalog);
  const labels = trainingLabels(obstag, rcttag, movies, users, tags);
  const tests = {} as Record<TestSetName, LabelSet>;
  for (const name of TEST_SETS) tests[name] = readTestSet(path.join(dir, "test", TEST_FILES[name]), users, tags);
  const truthFile = path.join(dir, "truth", "liked_tags.csv");
  const truth = existsSync(truthFile) ? readTruth(truthFile, users, tags, catalogTags) : undefined;
  return truth === undefined ? { users, tags, catalogTags, labels, tests } : { users, tags, catalogTags, labels, tests, truth };
}

/** τ′ over every user × catalog tag, from the (user, liked tag) rows of truth/liked_tags.csv. */
function readTruth(file: string, users: number, tags: number, catalogTags: Int32Array): LabelSet {
  const { rows, cols } = readIntColumns(file, ["userid", "tagid"]);
  const liked = new Uint8Array(users * tags);
  for (let i = 0; i < rows; i++) {
    const u = cols[0]![i]!;
    const t = cols[1]![i]!;
    if (u < 0 || u >= users) throw new InputError(`${file}: row ${i + 1} has user ${u} (expected 0..${users - 1}, the users of the train files)`);
    if (t < 0) throw new InputError(`${file}: row ${i + 1} has tag ${t} (expected a tag id ≥ 0)`);
    // A liked tag on no movie (ids after movie.csv's) is outside the (user, catalog tag) population.
    if (t < tags) liked[u * tags + t] = 1;
  }
  const n = users * catalogTags.length;
  const user = new Int32Array(n);
  const tag = new Int32Array(n);
  const label = new Float64Array(n);
  let i = 0;
  for (let u = 0; u < users; u++) {
    for (let k = 0; k < catalogTags.length; k++, i++) {
      const t = catalogTags[k]!;
      user[i] = u;
      tag[i] = t;
      label[i] = liked[u * tags + t]!;
    }
  }
  return { n, user, tag, label };
}
