/**
 * `ctar validate DIR`: checks a dataset folder as a whole and reports every problem with its
 * place. The files (validate-files.ts: checksums, card, croissant.json); each table in each
 * format present (validate-tables.ts: header, column types, id ranges, order, row counts against
 * config.json); then the dataset's invariants (src/validate/test-invariants.ts and the observed
 * ratings against truth/full's potential outcomes), all by streaming the files in user order.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import { ratingScaleOf } from "../../mechanisms/rating-scale.js";
import { ProblemList } from "../../validate/problem-list.js";
import { RatedSourceJoin, TauPrimeJoin, type MovieTagIndex, type TestRows } from "../../validate/test-invariants.js";
import { readConfigDoc, recordedRows } from "./dataset-artifact.js";
import { checkClicks, checkTreatment } from "./validate-variant.js";
import { findTable, readTable, rowPlace, tableBlocks, type TableLocation } from "../tables/dataset-table.js";
import { validateFiles } from "./validate-files.js";
import { type Limits, validateTables } from "./validate-tables.js";

export interface ValidationReport {
  readonly dir: string;
  readonly valid: boolean;
  readonly problems: ProblemList;
  readonly notes: readonly string[];
  /** Files checked, with their rows. */
  readonly tables: readonly { readonly file: string; readonly rows: number }[];
  readonly checksums: number;
  /** The invariants that were checked (the notes say why any other was not). */
  readonly invariants: readonly string[];
}

const TESTS = ["test/test_1", "test/test_2", "test/test_3", "test/test"] as const;

function limitsOf(doc: Record<string, unknown>): Limits {
  const c = (doc["config"] ?? {}) as Record<string, unknown>;
  const n = (v: unknown, d: number) => (typeof v === "number" && Number.isFinite(v) ? v : d);
  // the scale generate held the ratings to (a graph file's rating node, else the CTAR default)
  const graph = doc["graph"] as { nodes?: unknown } | undefined;
  const nodes = Array.isArray(graph?.nodes) ? (graph.nodes as MGraph["nodes"]).filter((x) => typeof x === "object" && x !== null && typeof x.mechanism === "object" && x.mechanism !== null) : [];
  const scale = ratingScaleOf({ nodes });
  const rating = (c["rating"] ?? {}) as Record<string, unknown>;
  const [min, max] = nodes.length > 0 ? [scale.min, scale.max] : [n(rating["min"], scale.min), n(rating["max"], scale.max)];
  return { users: n(c["users"], 0), movies: n(c["movies"], 0), ratingMin: min, ratingMax: max };
}

/** `onStage` names each step as it starts (a table, the invariants), for a progress line. */
export async function validateDataset(dir: string, onStage: (stage: string) => void = () => {}): Promise<ValidationReport> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`${dir}: no such folder (expected a dataset folder written by 'ctar generate')`);
  const doc = readConfigDoc(dir);
  if (!existsSync(join(dir, "train")) && !existsSync(join(dir, "test"))) throw new InputError(`${dir}: not a dataset folder (config.json but no train/ or test/)`);
  const problems = new ProblemList();
  onStage("checksums, card and croissant.json");
  const files = validateFiles(dir, problems);
  const limits = limitsOf(doc);
  const tables = await validateTables(dir, limits, recordedRows(doc), problems, onStage);
  onStage("the invariants");
  const inv = await validateInvariants(dir, tables.movieTags, tables.tagLimit, tables.unreadable, problems);
  return { dir, valid: problems.total === 0, problems, notes: [...files.notes, ...inv.notes], tables: tables.files, checksums: files.checked, invariants: inv.checked };
}

function readTests(dir: string, unreadable: ReadonlySet<string>): Map<string, TestRows> {
  const out = new Map<string, TestRows>();
  for (const name of TESTS) {
    const loc = findTable(dir, name);
    if (loc === undefined || unreadable.has(loc.file)) continue;
    const t = readTable(loc, ["userid", "tagid", "islike"]);
    out.set(name, { name, n: t.rows, user: t.cols[0] as Int32Array, tag: t.cols[1] as Int32Array, label: Float64Array.from(t.cols[2] as Int32Array), place: (i) => rowPlace(loc, i) });
  }
  return out;
}

async function validateInvariants(dir: string, movieTags: MovieTagIndex | undefined, tagLimit: number, unreadable: ReadonlySet<string>, problems: ProblemList): Promise<{ notes: string[]; checked: string[] }> {
  const notes: string[] = [];
  const checked: string[] = [];
  const usable = (name: string): TableLocation | undefined => {
    const loc = findTable(dir, name);
    return loc !== undefined && !unreadable.has(loc.file) ? loc : undefined;
  };
  const tests = readTests(dir, unreadable);
  const userTag = usable("truth/user_tag");
  if (userTag === undefined) notes.push("test labels not checked against τ′: truth/user_tag is absent or unreadable");
  else {
    const join = new TauPrimeJoin([...tests.values()], tagLimit, problems, userTag.file);
    loop: for await (const b of tableBlocks(userTag, ["userid", "tagid", "tau_prime"])) {
      const [u, t, tp] = b.cols as Int32Array[];
      for (let i = 0; i < b.rows; i++) if (!join.feed(u![i]!, t![i]!, tp![i]!, rowPlace(userTag, b.start + i))) break loop;
    }
    join.finish();
    checked.push("test labels = τ′ of truth/user_tag");
  }
  const rating = usable("train/rating");
  const t2 = tests.get("test/test_2");
  const t3 = tests.get("test/test_3");
  if (rating === undefined || movieTags === undefined || t2 === undefined || t3 === undefined) notes.push("Test II/III sources not checked: train/rating, train/movie or a test file is absent or unreadable");
  else {
    await checkSources(rating, new RatedSourceJoin(t2, t3, movieTags, tagLimit, problems));
    checked.push("Test II tags from rated movies, Test III tags from unrated ones only");
  }
  const full = usable("truth/full");
  if (full !== undefined && rating !== undefined) {
    await checkPotentialOutcomes(rating, full, problems);
    checked.push("observed ratings = potential outcomes of truth/full");
  } else if (full === undefined) notes.push("observed ratings not checked against potential outcomes: truth/full is absent (generate with --truth full)");
  await validateVariant(usable, problems, checked);
  return { notes, checked };
}

/** A variant world's invariants, when it has the tables (validate-variant.ts). */
async function validateVariant(usable: (name: string) => TableLocation | undefined, problems: ProblemList, checked: string[]): Promise<void> {
  const treatment = usable("train/treatment");
  if (treatment !== undefined) {
    await checkTreatment(treatment, problems);
    checked.push("train/treatment lists only pairs with T = 1 or Y = 1");
  }
  const [log, hidden] = [usable("train/click"), usable("truth/click")];
  if (log !== undefined && hidden !== undefined) {
    await checkClicks(log, hidden, problems);
    checked.push("clicks = examined · attracted of truth/click");
  }
}

/** Feeds each user's rated movies (rating rows are sorted by user, checked by validate-tables). */
async function checkSources(rating: TableLocation, join: RatedSourceJoin): Promise<void> {
  let user = -1;
  let movies: number[] = [];
  for await (const b of tableBlocks(rating, ["userid", "movieid"])) {
    const [u, m] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      if (u![i] !== user) {
        if (user >= 0) join.feedUser(user, movies);
        user = u![i]!;
        movies = [];
      }
      movies.push(m![i]!);
    }
  }
  if (user >= 0) join.feedUser(user, movies);
  join.finish();
}

/** Every observed rating equals the potential outcome R of truth/full (both sorted by user, movie). */
async function checkPotentialOutcomes(rating: TableLocation, full: TableLocation, problems: ProblemList): Promise<void> {
  const fullBlocks = tableBlocks(full, ["userid", "movieid", "rating"]);
  let cur: { start: number; rows: number; cols: Int32Array[] } | undefined;
  let j = 0;
  let done = false;
  const key = (u: number, m: number) => u * 2147483648 + m;
  const next = async (): Promise<boolean> => {
    while (!done && (cur === undefined || j >= cur.rows)) {
      const r = await fullBlocks.next();
      if (r.done === true) done = true;
      else {
        cur = { start: r.value.start, rows: r.value.rows, cols: r.value.cols as Int32Array[] };
        j = 0;
      }
    }
    return !done;
  };
  for await (const b of tableBlocks(rating, ["userid", "movieid", "rating"])) {
    const [u, m, r] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      const k = key(u![i]!, m![i]!);
      while ((await next()) && key(cur!.cols[0]![j]!, cur!.cols[1]![j]!) < k) j++;
      const found = !done && key(cur!.cols[0]![j]!, cur!.cols[1]![j]!) === k;
      if (!found) problems.add("potential outcomes", rowPlace(rating, b.start + i), `(user ${u![i]}, movie ${m![i]}) has no row in ${full.file}`);
      else if (cur!.cols[2]![j] !== r![i]) problems.add("potential outcomes", rowPlace(rating, b.start + i), `observed rating ${r![i]} differs from the potential outcome R = ${cur!.cols[2]![j]} at ${rowPlace(full, cur!.start + j)}`);
    }
  }
  await fullBlocks.return(undefined);
}
