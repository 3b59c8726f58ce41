/**
 * The end of a dataset, once every user's streamed files are written (by one run, or by `merge`
 * from the shards' parts): the movie-level files, the kernels' summed tallies as warnings, the
 * Test II and III draws, test.csv (Test I followed by II and III), and config.json with the
 * resolved configuration, the graph, every file's row count and every warning.
 */
import { closeSync, rmSync } from "node:fs";
import { forEachChunk } from "../fs/input.js";
import { createOutputFile } from "../fs/output-bytes.js";
import { DigestOnWrite, type FileDigests } from "../fs/file-digest.js";
import { join } from "node:path";
import { FILE_ORDER, HEADERS } from "../../generate/layout.js";
import type { World } from "../../generate/world.js";
import { SeedTree } from "../../rng/stream.js";
import { type RegenerateUsers, drawTestSets, drawTestSetsWith } from "../../testsets/build-test-sets.js";
import { recordedPropensity } from "../../truth/potential-outcomes.js";
import type { LabelSet } from "../../labels/label-set.js";
import { VERSION } from "../../version.js";
import { CsvWriter } from "../tables/csv-writer.js";
import { relativeRecord } from "../dataset/run-provenance.js";
import { writeAll } from "./streamed-files.js";
import type { Tallies } from "./user-pass.js";

export type DatasetFiles = Readonly<Record<string, { readonly rows: number }>>;

export interface PassResult {
  /** ratingStart[u] = observed ratings of users before u (length users + 1). */
  readonly ratingStart: Float64Array;
  readonly pools: readonly number[];
  readonly tallies: Tallies;
  /** Rows of each streamed file. */
  readonly rows: Readonly<Record<string, number>>;
}

export interface FinishInput {
  readonly dir: string;
  readonly world: World;
  readonly pass: PassResult;
  /** Warnings said so far (the world's setup); more are added here. */
  readonly warnings: string[];
  readonly warn: (message: string) => void;
  /** Extra config.json fields (truth level, interventions, graph file …). */
  readonly record: Readonly<Record<string, unknown>>;
  /** Digests of the files written so far (file-digest.ts); test.csv's is added as it is written. */
  readonly digests?: FileDigests;
  /** Regenerates the users the test-set draws land on elsewhere (the pass's workers); else here. */
  readonly regenerate?: RegenerateUsers;
  onProgress?(stage: string): void;
}

export async function finishDataset(input: FinishInput): Promise<DatasetFiles> {
  const { dir, world, pass } = input;
  const files: Record<string, { rows: number }> = {};
  for (const [f, rows] of Object.entries(pass.rows)) files[f] = { rows };
  const notes: string[] = [];
  writeMovieFiles(dir, world, files);
  for (const [name, k] of world.engine.kernels) {
    const s = k.summary?.(pass.tallies[name] ?? {});
    if (s !== undefined) input.warn(s);
  }
  if (!("tau" in world.effects)) {
    rmSync(join(dir, "truth/user_tag.csv"), { force: true });
    delete files["truth/user_tag.csv"];
    notes.push(`truth/user_tag.csv not written: ${world.effects.reason} (τ of Eq. 1 has no closed form here)`);
  }
  input.onProgress?.("test sets");
  const seeds = new SeedTree(world.input.config.seed);
  const c = world.input.config;
  const draws = {
    world,
    ratingStart: pass.ratingStart,
    pools: pass.pools,
    test2: c.test2,
    test3: c.test3,
    rng2: seeds.stream("test-sets", "test2"),
    rng3: seeds.stream("test-sets", "test3"),
    warn: input.warn,
  };
  const tests = input.regenerate === undefined ? drawTestSets(draws) : await drawTestSetsWith(draws, input.regenerate);
  const id = world.tagOutputId;
  files["test/test_2.csv"] = { rows: writeLabels(join(dir, "test/test_2.csv"), tests.test2, id) };
  files["test/test_3.csv"] = { rows: writeLabels(join(dir, "test/test_3.csv"), tests.test3, id) };
  const union = new DigestOnWrite();
  files["test/test.csv"] = { rows: writeUnion(dir, pass.rows["test/test_1.csv"] ?? 0, [tests.test2, tests.test3], id, union) };
  input.digests?.set("test/test.csv", union.digest());
  const ordered: Record<string, { rows: number }> = {};
  for (const f of FILE_ORDER) if (files[f] !== undefined) ordered[f] = files[f]!;
  const record = relativeRecord(dir, input.record, c);
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
    files: ordered,
    warnings: input.warnings,
    ...(notes.length > 0 ? { notes } : {}),
    ...record,
  };
  const w = new CsvWriter(join(dir, "config.json"), JSON.stringify(config, null, 2));
  w.close();
  return ordered;
}

function writeMovieFiles(dir: string, world: World, files: Record<string, { rows: number }>): void {
  const id = world.tagOutputId;
  const cat = world.input.catalog;
  const { start, tag } = world.movieTags;
  const movies = new CsvWriter(join(dir, "train/movie.csv"), HEADERS["train/movie.csv"]!);
  for (let m = 0; m < world.movies; m++) {
    const list: number[] = [];
    for (let k = start[m]!; k < start[m + 1]!; k++) list.push(id[tag[k]!]!);
    movies.line(`${m},"${list.join(",")}"`);
  }
  movies.close();
  files["train/movie.csv"] = { rows: world.movies };

  const { quality, "rating-missingness": ratingMissingness } = world.roles;
  const q = quality === undefined ? undefined : world.engine.movieValues.get(quality);
  const propensity = ratingMissingness === undefined ? undefined : recordedPropensity(world.engine.kernels.get(ratingMissingness), world.movies);
  const tm = new CsvWriter(join(dir, "truth/movie.csv"), HEADERS["truth/movie.csv"]!);
  for (let m = 0; m < world.movies; m++) {
    const qm = q instanceof Float64Array ? q[m] : "";
    const pm = propensity instanceof Float64Array ? propensity[m] : "";
    tm.line(`${m},${cat.originalMovieId[m]},${cat.avgRating[m]},${cat.popularity[m]},${m},${qm},${pm}`);
  }
  tm.close();
  files["truth/movie.csv"] = { rows: world.movies };

  const tagRows: Array<[number, number, number]> = [];
  for (let t = 0; t < id.length; t++) tagRows.push([id[t]!, cat.originalTagId[t]!, cat.tagPopularity[t]!]);
  tagRows.sort((a, b) => a[0] - b[0]);
  const tags = new CsvWriter(join(dir, "truth/tag.csv"), HEADERS["truth/tag.csv"]!);
  for (const [t, o, p] of tagRows) tags.line(`${t},${o},${p},${t < world.movieCsvTags ? 1 : 0}`);
  tags.close();
  files["truth/tag.csv"] = { rows: tagRows.length };
}

function writeLabels(file: string, t: LabelSet, tagId: Int32Array): number {
  const w = new CsvWriter(file, HEADERS["test/test_2.csv"]!);
  for (let i = 0; i < t.user.length; i++) w.line(`${t.user[i]},${tagId[t.tag[i]!]},${t.label[i]}`);
  w.close();
  return t.user.length;
}

/** test.csv: test_1.csv's rows (copied from the file, in chunks) followed by the other tests. */
function writeUnion(dir: string, test1Rows: number, rest: readonly LabelSet[], tagId: Int32Array, digest: DigestOnWrite): number {
  const out = createOutputFile(join(dir, "test/test.csv"));
  try {
    forEachChunk(join(dir, "test/test_1.csv"), "test_1.csv of the output being written", (bytes) => writeAll(out, bytes, digest));
    let s = "";
    let rows = test1Rows;
    for (const t of rest) {
      for (let i = 0; i < t.user.length; i++) s += `${t.user[i]},${tagId[t.tag[i]!]},${t.label[i]}\n`;
      rows += t.user.length;
    }
    writeAll(out, s, digest);
    return rows;
  } finally {
    closeSync(out);
  }
}
