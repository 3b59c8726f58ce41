/**
 * The end of a dataset as text, once every user's streamed files are written: the movie-level
 * files, the kernels' summed tallies as warnings, the Test II and III draws (and the rows test.csv
 * adds after Test I's), and config.json. Pure — src/io/run/finish-dataset.ts writes these texts
 * into a folder, the browser page (docs/browser.md) into a zip — so both hold the same bytes.
 */
import { FILE_ORDER, HEADERS } from "./layout.js";
import { variantEndFiles } from "./variant-end.js";
import type { World } from "./world.js";
import { SeedTree } from "../rng/stream.js";
import { type DrawnTestSets, type TestSetInput, drawTestSets } from "../testsets/build-test-sets.js";
import { recordedPropensity } from "../truth/potential-outcomes.js";
import type { LabelSet } from "../labels/label-set.js";
import { VERSION } from "../version.js";

export type DatasetFiles = Readonly<Record<string, { readonly rows: number }>>;
export type Tallies = Record<string, Record<string, number>>;

/** The tallies a world's kernels kept over the users it ran. */
export function kernelTallies(world: World): Tallies {
  const out: Tallies = {};
  for (const [name, k] of world.engine.kernels) if (k.tally !== undefined) out[name] = { ...k.tally };
  return out;
}

/** Adds `from`'s tallies into `into` (the kernels of several workers, or shards). */
export function addTallies(into: Tallies, from: Tallies): void {
  for (const [node, t] of Object.entries(from)) {
    const dst = (into[node] ??= {});
    for (const [k, v] of Object.entries(t)) dst[k] = (dst[k] ?? 0) + v;
  }
}

export interface PassResult {
  /** ratingStart[u] = observed ratings of users before u (length users + 1). */
  readonly ratingStart: Float64Array;
  readonly pools: readonly number[];
  readonly tallies: Tallies;
  /** Rows of each streamed file. */
  readonly rows: Readonly<Record<string, number>>;
}

export interface DatasetEnd {
  /** Whole files (header included) to write, by path. */
  readonly texts: Readonly<Record<string, string>>;
  /** Streamed files to remove (truth/user_tag.csv when τ has no closed form). */
  readonly dropped: readonly string[];
  /** The rows test/test.csv has after test/test_1.csv's. */
  readonly testTail: string;
  /** Every file's rows, in the layout's order (config.json's `files`). */
  readonly files: DatasetFiles;
  readonly notes: readonly string[];
}

/** Everything after the user pass but config.json; `warn` gets the tallies' and the draws' warnings. */
export function endOfDataset(world: World, pass: PassResult, warn: (m: string) => void, onProgress?: (stage: string) => void): DatasetEnd {
  const head = startOfEnd(world, pass, warn, onProgress);
  return restOfEnd(world, pass, head, drawTestSets(head.draws));
}

/** The end's first half: movie files, the tallies' warnings, τ's presence, and the test-set draws' input. */
export interface EndHead {
  readonly texts: Record<string, string>;
  readonly files: Record<string, { rows: number }>;
  readonly dropped: string[];
  readonly notes: string[];
  readonly draws: TestSetInput;
}

/**
 * The end up to the Test II and III draws, which the caller makes (here, or with the users
 * regenerated on a run's workers: io/run/finish-dataset.ts) between this and `restOfEnd`, so the
 * warnings keep their order whoever draws.
 */
export function startOfEnd(world: World, pass: PassResult, warn: (m: string) => void, onProgress?: (stage: string) => void): EndHead {
  const files: Record<string, { rows: number }> = {};
  for (const [f, rows] of Object.entries(pass.rows)) files[f] = { rows };
  const notes: string[] = [];
  const dropped: string[] = [];
  const texts: Record<string, string> = movieFiles(world, files);
  const variant = variantEndFiles(world);
  Object.assign(texts, variant.texts);
  for (const [f, rows] of Object.entries(variant.rows)) files[f] = { rows };
  for (const [name, k] of world.engine.kernels) {
    const s = k.summary?.(pass.tallies[name] ?? {});
    if (s !== undefined) warn(s);
  }
  if (!("tau" in world.effects)) {
    dropped.push("truth/user_tag.csv");
    delete files["truth/user_tag.csv"];
    notes.push(`truth/user_tag.csv not written: ${world.effects.reason} (τ of Eq. 1 has no closed form here)`);
  }
  notes.push(...variant.notes);
  onProgress?.("test sets");
  const seeds = new SeedTree(world.input.config.seed);
  const c = world.input.config;
  const draws: TestSetInput = {
    world,
    ratingStart: pass.ratingStart,
    pools: pass.pools,
    test2: c.test2,
    test3: c.test3,
    rng2: seeds.stream("test-sets", "test2"),
    rng3: seeds.stream("test-sets", "test3"),
    warn,
  };
  return { texts, files, dropped, notes, draws };
}

/** The end after the draws: Test II and III, test.csv's tail and every file's rows in order. */
export function restOfEnd(world: World, pass: PassResult, head: EndHead, tests: DrawnTestSets): DatasetEnd {
  const { texts, files, dropped, notes } = head;
  const id = world.tagOutputId;
  const header = `${HEADERS["test/test_2.csv"]!}\n`;
  const rows2 = labelRows(tests.test2, id);
  const rows3 = labelRows(tests.test3, id);
  texts["test/test_2.csv"] = header + rows2;
  texts["test/test_3.csv"] = header + rows3;
  files["test/test_2.csv"] = { rows: tests.test2.user.length };
  files["test/test_3.csv"] = { rows: tests.test3.user.length };
  files["test/test.csv"] = { rows: (pass.rows["test/test_1.csv"] ?? 0) + tests.test2.user.length + tests.test3.user.length };
  const ordered: Record<string, { rows: number }> = {};
  for (const f of FILE_ORDER) if (files[f] !== undefined) ordered[f] = files[f]!;
  return { texts, dropped, testTail: rows2 + rows3, files: ordered, notes };
}

/**
 * config.json's text: the resolved configuration, the graph, every file's rows, every warning and
 * the run's record (`record`: truth level, interventions, catalog, graph file …, its paths already
 * relative to the dataset folder).
 */
export function configJson(world: World, end: DatasetEnd, warnings: readonly string[], record: Readonly<Record<string, unknown>>): string {
  const c = world.input.config;
  // config.catalog names the folder as the catalog record does (relative to this dataset folder),
  // not as it was typed (relative to wherever the command ran) nor as an absolute machine path
  const folder = (record["catalog"] as { kind?: string; path?: string } | undefined)?.kind === "folder" ? (record["catalog"] as { path: string }).path : undefined;
  const config = {
    tool: "ctar",
    version: VERSION,
    seed: c.seed,
    config: folder === undefined ? c : { ...c, catalog: folder },
    catalog: world.input.catalog.source,
    graph: world.input.graph,
    files: end.files,
    warnings,
    ...(end.notes.length > 0 ? { notes: end.notes } : {}),
    ...record,
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

function movieFiles(world: World, files: Record<string, { rows: number }>): Record<string, string> {
  const id = world.tagOutputId;
  const cat = world.input.catalog;
  const { start, tag } = world.movieTags;
  let movies = `${HEADERS["train/movie.csv"]!}\n`;
  for (let m = 0; m < world.movies; m++) {
    const list: number[] = [];
    for (let k = start[m]!; k < start[m + 1]!; k++) list.push(id[tag[k]!]!);
    movies += `${m},"${list.join(",")}"\n`;
  }
  files["train/movie.csv"] = { rows: world.movies };

  const { quality, "rating-missingness": ratingMissingness } = world.roles;
  const q = quality === undefined ? undefined : world.engine.movieValues.get(quality);
  const propensity = ratingMissingness === undefined ? undefined : recordedPropensity(world.engine.kernels.get(ratingMissingness), world.movies);
  let truth = `${HEADERS["truth/movie.csv"]!}\n`;
  for (let m = 0; m < world.movies; m++) {
    const qm = q instanceof Float64Array ? q[m] : "";
    const pm = propensity instanceof Float64Array ? propensity[m] : "";
    truth += `${m},${cat.originalMovieId[m]},${cat.avgRating[m]},${cat.popularity[m]},${m},${qm},${pm}\n`;
  }
  files["truth/movie.csv"] = { rows: world.movies };

  const tagRows: Array<[number, number, number]> = [];
  for (let t = 0; t < id.length; t++) tagRows.push([id[t]!, cat.originalTagId[t]!, cat.tagPopularity[t]!]);
  tagRows.sort((a, b) => a[0] - b[0]);
  let tags = `${HEADERS["truth/tag.csv"]!}\n`;
  for (const [t, o, p] of tagRows) tags += `${t},${o},${p},${t < world.movieCsvTags ? 1 : 0}\n`;
  files["truth/tag.csv"] = { rows: tagRows.length };
  return { "train/movie.csv": movies, "truth/movie.csv": truth, "truth/tag.csv": tags };
}

function labelRows(t: LabelSet, tagId: Int32Array): string {
  let s = "";
  for (let i = 0; i < t.user.length; i++) s += `${t.user[i]},${tagId[t.tag[i]!]},${t.label[i]}\n`;
  return s;
}
