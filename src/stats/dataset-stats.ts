/**
 * The figures of docs/release.md#the-released-dataset for any dataset in the CTAR layout: rows per file, the rating
 * histogram, distinct tags in movie.csv, (user, movie) pairs and −1 rows in the tag files, users
 * per file, and the positive share of each test file.
 */
import type { CtarFolder, IntTable } from "./ctar-folder.js";

export interface TagFileStats {
  readonly rows: number;
  readonly pairs: number;
  readonly noTagRows: number;
  readonly users: number;
  readonly movies: number;
}

export interface TestFileStats {
  readonly rows: number;
  readonly positives: number;
  readonly positiveShare: number;
  readonly users: number;
  readonly distinctPairs: number;
}

export interface DatasetStats {
  readonly movies: number;
  readonly distinctTags: number;
  readonly rating: { readonly rows: number; readonly histogram: Readonly<Record<string, number>>; readonly users: number; readonly movies: number };
  readonly obstag: TagFileStats;
  readonly rcttag: TagFileStats;
  readonly tests: Readonly<Record<string, TestFileStats>>;
}

function distinct(col: Int32Array): number {
  return new Set(col).size;
}

function distinctPairs(a: Int32Array, b: Int32Array): number {
  const s = new Set<number>();
  for (let i = 0; i < a.length; i++) s.add(a[i]! * 4294967296 + (b[i]! + 1));
  return s.size;
}

function tagFile(t: IntTable): TagFileStats {
  const [u, m, tag] = t.cols as [Int32Array, Int32Array, Int32Array];
  let noTag = 0;
  for (let i = 0; i < t.rows; i++) if (tag[i] === -1) noTag++;
  return { rows: t.rows, pairs: distinctPairs(u, m), noTagRows: noTag, users: distinct(u), movies: distinct(m) };
}

export function datasetStats(d: CtarFolder): DatasetStats {
  const tags = new Set<number>();
  for (const l of d.movieTags) for (const t of l) tags.add(t);
  const [ru, rm, rv] = d.rating.cols as [Int32Array, Int32Array, Int32Array];
  const hist: Record<string, number> = {};
  for (let i = 0; i < d.rating.rows; i++) hist[String(rv[i])] = (hist[String(rv[i])] ?? 0) + 1;
  const sortedHist: Record<string, number> = {};
  for (const k of Object.keys(hist).sort((a, b) => Number(a) - Number(b))) sortedHist[k] = hist[k]!;
  const tests: Record<string, TestFileStats> = {};
  for (const [name, t] of Object.entries(d.tests)) {
    const [u, tag, y] = t.cols as [Int32Array, Int32Array, Int32Array];
    let pos = 0;
    for (let i = 0; i < t.rows; i++) pos += y[i] === 1 ? 1 : 0;
    tests[name] = { rows: t.rows, positives: pos, positiveShare: t.rows > 0 ? pos / t.rows : 0, users: distinct(u), distinctPairs: distinctPairs(u, tag) };
  }
  return {
    movies: d.movieTags.length,
    distinctTags: tags.size,
    rating: { rows: d.rating.rows, histogram: sortedHist, users: distinct(ru), movies: distinct(rm) },
    obstag: tagFile(d.obstag),
    rcttag: tagFile(d.rcttag),
    tests,
  };
}
