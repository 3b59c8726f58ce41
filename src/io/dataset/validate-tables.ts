/**
 * `ctar validate`, the tables: each table of the layout in each format present is read in full
 * (streamed, in blocks): its header and column types (a bad field is one problem at its line and
 * the file is then left out of the invariants), the id ranges config.json implies, the order
 * the invariant checks rely on (by user), and its row count against config.json's `files`.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { CtarError } from "../../errors/errors.js";
import type { ProblemList } from "../../validate/problem-list.js";
import type { MovieTagIndex } from "../../validate/test-invariants.js";
import { ValueDigest } from "../../validate/value-digest.js";
import { DATASET_TABLES, type LayoutTable, csvName, parquetName } from "../../generate/dataset-layout.js";
import { readTable, rowPlace, tableBlocks, type TableLocation } from "../tables/dataset-table.js";

export interface Limits {
  readonly users: number;
  readonly movies: number;
  readonly ratingMin: number;
  readonly ratingMax: number;
}

interface Ranges {
  readonly tags: number;
  readonly truthTags: number;
}

/** The closed range of a column, or undefined when the column has none to check. */
function rangeOf(table: string, column: string, l: Limits, r: Ranges): readonly [number, number] | undefined {
  switch (column) {
    case "userid":
      return [0, l.users - 1];
    case "movieid":
    case "popularity_rank":
      return [0, l.movies - 1];
    case "tagid":
      if (table === "train/obstag" || table === "train/rcttag") return [-1, r.tags - 1];
      if (table === "truth/liked_tags" || table === "truth/user_tag" || table === "truth/tag") return [0, r.truthTags - 1];
      return [0, r.tags - 1];
    case "islike":
    case "tau_prime":
    case "in_movie_csv":
    case "treated":
    case "outcome":
    case "click":
    case "examined":
    case "attracted":
      return [0, 1];
    case "position":
    case "rank":
      return [1, l.movies];
    case "swap":
      return [0, l.movies];
    case "grade":
      return [0, l.ratingMax - l.ratingMin];
    case "effect":
      return [-1, 1];
    case "likes":
      return [1, 1];
    case "rating":
      return [l.ratingMin, l.ratingMax];
    case "p_rating_observed":
    case "p_rating":
    case "p_obstag":
    case "propensity":
    case "p_outcome_control":
    case "p_outcome_treated":
    case "p_examined":
    case "p_attracted":
      return [0, 1];
    default:
      return undefined;
  }
}

/** Tables read in (user, second key) order by the invariant checks; `strict`: no repeated key. */
const ORDER: Record<string, { strict: boolean }> = {
  "train/rating": { strict: true },
  "train/obstag": { strict: false },
  "train/rcttag": { strict: false },
  "truth/obstag_dropped": { strict: false },
  "truth/liked_tags": { strict: true },
  "truth/user_tag": { strict: true },
  "truth/full": { strict: true },
  "train/treatment": { strict: true },
  "train/propensity": { strict: true },
  "train/click": { strict: true },
  "truth/click": { strict: true },
};

function locations(dir: string, t: LayoutTable): TableLocation[] {
  const out: TableLocation[] = [];
  for (const [relative, format] of [[csvName(t), "csv"], [parquetName(t), "parquet"]] as const) {
    const file = join(dir, relative);
    if (existsSync(file)) out.push({ table: t, file, relative, format });
  }
  return out;
}

export interface TablesResult {
  readonly files: { file: string; rows: number }[];
  readonly unreadable: Set<string>;
  readonly movieTags: MovieTagIndex | undefined;
  readonly tagLimit: number;
}

function problemOf(e: unknown): string {
  if (e instanceof CtarError) return e.message;
  throw e;
}

/** train/movie in memory: ids 0..|M|−1 in order, non-negative tags; the tag index and digest. */
function checkMovies(loc: TableLocation, l: Limits, problems: ProblemList): MovieTagIndex & { digest: number } {
  const t = readTable(loc, ["movieid", "taglist"]);
  const digest = new ValueDigest();
  digest.addRows(t.cols, t.rows);
  const ids = t.cols[0] as Int32Array;
  const lists = t.cols[1] as Int32Array[];
  const start = new Int32Array(t.rows + 1);
  for (let m = 0; m < t.rows; m++) {
    if (ids[m] !== m) problems.add("range", rowPlace(loc, m), `movieid ${ids[m]} (expected ${m}: ids 0, 1, 2, … in file order)`);
    for (const x of lists[m]!) if (x < 0) problems.add("range", rowPlace(loc, m), `negative tag id ${x} in taglist`);
    start[m + 1] = start[m]! + lists[m]!.length;
  }
  if (t.rows !== l.movies) problems.add("rows", loc.file, `${t.rows} movies (config.json: movies = ${l.movies})`);
  const tags = new Int32Array(start[t.rows]!);
  lists.forEach((x, m) => tags.set(x, start[m]!));
  return { movies: t.rows, start, tags, digest: digest.value };
}

/** A table's CSV and Parquet twins must hold the same values. */
function compareTwins(digests: ReadonlyArray<{ loc: TableLocation; digest: number }>, problems: ProblemList): void {
  const [a, b] = digests;
  if (a !== undefined && b !== undefined && a.digest !== b.digest) problems.add("twins", b.loc.file, `holds other values than ${a.loc.file} (the same table in two formats)`);
}

export async function validateTables(dir: string, l: Limits, recorded: Record<string, number>, problems: ProblemList, onStage: (stage: string) => void = () => {}): Promise<TablesResult> {
  const files: { file: string; rows: number }[] = [];
  const unreadable = new Set<string>();
  let movieTags: MovieTagIndex | undefined;
  let truthTags = Infinity;
  for (const table of DATASET_TABLES) {
    const locs = locations(dir, table);
    if (locs.length === 0 && table.optional !== true) problems.add("files", join(dir, csvName(table)), `file not found (nor ${parquetName(table)})`);
    else if (locs.length === 0 && recorded[csvName(table)] !== undefined) problems.add("files", join(dir, csvName(table)), "file not found (config.json lists it)");
    const digests: { loc: TableLocation; digest: number }[] = [];
    for (const loc of table.name === "train/movie" ? locs : []) {
      try {
        const index = checkMovies(loc, l, problems);
        if (movieTags === undefined || loc.format === "parquet") movieTags = index;
        files.push({ file: loc.file, rows: index.movies });
        digests.push({ loc, digest: index.digest });
      } catch (e) {
        problems.add("read", problemOf(e), "");
        unreadable.add(loc.file);
      }
    }
    compareTwins(digests, problems);
  }
  let tags = 0;
  for (const t of movieTags?.tags ?? []) tags = Math.max(tags, t + 1);
  // truth/tag first: its row count bounds the tag ids of the truth files
  const tagTable = DATASET_TABLES.find((t) => t.name === "truth/tag")!;
  for (const loc of locations(dir, tagTable)) {
    try {
      truthTags = Math.min(truthTags, readTable(loc, ["tagid"]).rows);
    } catch {
      /* reported by the streaming pass below */
    }
  }
  const ranges: Ranges = { tags, truthTags };
  for (const table of DATASET_TABLES) {
    if (table.name === "train/movie") continue;
    const digests: { loc: TableLocation; digest: number }[] = [];
    for (const loc of locations(dir, table)) {
      onStage(loc.relative);
      const checked = await checkTable(loc, l, ranges, problems);
      // a file out of order is left out of the invariants, which read it in order
      if (checked === undefined || !checked.ordered) unreadable.add(loc.file);
      if (checked === undefined) continue;
      const rows = checked.rows;
      files.push({ file: loc.file, rows });
      digests.push({ loc, digest: checked.digest });
      const expected = recorded[loc.relative] ?? recorded[csvName(table)];
      if (expected !== undefined && expected !== rows) problems.add("rows", loc.file, `${rows} rows (config.json records ${expected})`);
    }
    compareTwins(digests, problems);
  }
  return { files, unreadable, movieTags, tagLimit: Math.max(tags, Number.isFinite(truthTags) ? truthTags : 0, 1), };
}

/** Streams one file: its rows, whether in order, and the digest of its values; undefined when unreadable. */
async function checkTable(loc: TableLocation, l: Limits, r: Ranges, problems: ProblemList): Promise<{ rows: number; ordered: boolean; digest: number } | undefined> {
  const table = loc.table;
  const names = table.columns.map((c) => c.name);
  // every number must be finite: a column without a range (τ, quality, π) is held to (−∞, ∞)
  const checks = table.columns.map((c) => rangeOf(table.name, c.name, l, r) ?? (c.kind === "double" ? ([-Infinity, Infinity] as const) : undefined));
  const order = ORDER[table.name];
  const second = names.indexOf(table.key[1] ?? "");
  let lastU = -1;
  let lastS = -Infinity;
  let orderReported = false;
  let rows = 0;
  const digest = new ValueDigest();
  try {
    for await (const b of tableBlocks(loc, names)) {
      digest.addRows(b.cols, b.rows);
      for (let k = 0; k < names.length; k++) {
        const range = checks[k];
        if (range === undefined) continue;
        const col = b.cols[k] as Int32Array | Float64Array;
        for (let i = 0; i < b.rows; i++) {
          const x = col[i]!;
          if (x >= range[0] && x <= range[1] && x - x === 0) continue;
          problems.add("range", rowPlace(loc, b.start + i), range[0] === -Infinity ? `${names[k]} ${x} is not a finite number` : `${names[k]} ${x} out of range (expected ${range[0]}..${range[1]})`);
        }
      }
      if (order !== undefined && !orderReported) {
        const u = b.cols[0] as Int32Array;
        const s = b.cols[second] as Int32Array;
        for (let i = 0; i < b.rows && !orderReported; i++) {
          const bad = u[i]! < lastU || (u[i] === lastU && (order.strict ? s[i]! <= lastS : s[i]! < lastS));
          if (bad) {
            problems.add("order", rowPlace(loc, b.start + i), `rows are not sorted by (${names[0]}, ${names[second]})${order.strict ? " without repeats" : ""}, as ctar writes them`);
            orderReported = true;
          }
          lastU = u[i]!;
          lastS = s[i]!;
        }
      }
      rows += b.rows;
    }
  } catch (e) {
    problems.add("read", problemOf(e), "");
    return undefined;
  }
  return { rows, ordered: !orderReported, digest: digest.value };
}
