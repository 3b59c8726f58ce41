/**
 * A whole CTAR dataset as file bytes in memory, for the browser page (docs/browser.md): the CTAR
 * preset or the page's graph (page-run.ts) on the built-in catalog, generated block by block on
 * one thread, finished and documented by the same pure functions `ctar generate` writes a folder
 * with (src/generate/block.ts, src/generate/dataset-end.ts, src/report/dataset-documents.ts) — so
 * the files are the same bytes as `ctar generate --users U --movies M --seed S [--graph FILE]
 * [--do …] [--truth full] [--format parquet]` (with the same date on the card). The gzip of
 * truth/full.csv.gz and the conversion to Parquet are the caller's (a browser's
 * CompressionStream; web/parquet-tables.ts), as the Parquet writer lives in src/io/.
 */
import { selectMovies } from "../catalog/select-movies.js";
import { syntheticCatalog } from "../catalog/synthetic.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { BlockRunner, type BlockOutput } from "../generate/block.js";
import { type Tallies, configJson, endOfDataset, kernelTallies } from "../generate/dataset-end.js";
import { FULL_TRUTH_FILE, HEADERS, STREAMED_FILES } from "../generate/layout.js";
import { type UserRange, blockUsers, blocksOf } from "../generate/plan.js";
import { World } from "../generate/world.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { buildCard } from "../report/dataset-card.js";
import type { PageRun } from "./page-run.js";
import { CARD_FILE, CROISSANT_FILE, type FileDigest, croissantText, factsFromConfig, tablePaths } from "../report/dataset-documents.js";

/** SHA-256 of some bytes, as lowercase hex (crypto.subtle in a browser). */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

export interface InMemoryOptions {
  /** The day the card and croissant.json state, YYYY-MM-DD. */
  readonly date: string;
  readonly sha256: Sha256;
  /** One gzip member of some bytes, as Node's zlib writes it at level 6 (CompressionStream in a browser); needed for `truth: full`. */
  readonly gzip?: (bytes: Uint8Array) => Promise<Uint8Array>;
  /**
   * Another format than CSV (the record's `format`): converts the tables in `files` (CSV by path;
   * it adds and removes entries; `plain` holds a gzipped file's text) and returns config.json's
   * text with its new file list.
   */
  readonly convert?: (files: Map<string, Uint8Array>, config: string, plain: ReadonlyMap<string, Uint8Array>) => Promise<string>;
  /**
   * Runs the blocks elsewhere (the page's Web Workers, each with its own pageWorld and
   * pageBlockRunner): hands each block's output to `take` in user order, then resolves to the
   * kernels' tallies summed over the blocks (addTallies). Absent: the blocks run here.
   */
  readonly pass?: (blocks: readonly UserRange[], take: (b: BlockOutput) => void) => Promise<Tallies>;
  /** Users done so far, after each block; then the stage. */
  readonly onProgress?: (usersDone: number, stage?: string) => void;
}

export interface DatasetInMemory {
  /** Every file of the dataset folder, by path, in the layout's order and then config.json, the card, croissant.json. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The tables as CSV (before any Parquet) with config.json, for the report; truth/full.csv's text apart, when written. */
  readonly csv: ReadonlyMap<string, Uint8Array>;
  readonly fullTruthCsv?: string;
  readonly warnings: readonly string[];
}

/** Joins byte chunks into one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The world of a page run: `config` on the built-in catalog, `run`'s graph, built-in mechanisms. */
export function pageWorld(config: CtarConfig, run: PageRun, warn: (m: string) => void): World {
  const catalog = selectMovies(syntheticCatalog({ seed: config.catalogSeed }), config.movies);
  return new World({ config, catalog, graph: run.graph, registry: builtinRegistry(), warn });
}

/** The block runner of a page run: truth/full.csv's chunks kept as they are (gzipped after the pass: a browser's gzip is asynchronous). */
export function pageBlockRunner(world: World, run: PageRun): BlockRunner {
  return new BlockRunner(world, run.record["truth"] === "full" ? (csv) => csv.slice() : false);
}

/** Generates the dataset of `config` (its catalog must be the built-in one) and `run`'s graph (page-run.ts). */
export async function datasetInMemory(config: CtarConfig, run: PageRun, options: InMemoryOptions): Promise<DatasetInMemory> {
  if (config.catalog !== "builtin") throw new RangeError(`datasetInMemory: only the built-in catalog (got '${config.catalog}')`);
  const enc = new TextEncoder();
  const warnings: string[] = [];
  const warn = (m: string) => void warnings.push(m);
  const world = pageWorld(config, run, warn);
  const chunks = new Map<string, Uint8Array[]>(STREAMED_FILES.map((f) => [f, [enc.encode(`${HEADERS[f]}\n`)]]));
  const rows: Record<string, number> = Object.fromEntries(STREAMED_FILES.map((f) => [f, 0]));
  const ratingStart = new Float64Array(config.users + 1);
  const pools = [0, 0, 0, 0];
  const full = run.record["truth"] === "full";
  const fullChunks: Uint8Array[] = [];
  if (full) rows[FULL_TRUTH_FILE] = 0;
  const take = (b: BlockOutput) => {
    for (const f of STREAMED_FILES) {
      if (b.bytes[f].length > 0) chunks.get(f)!.push(b.bytes[f].slice());
      rows[f]! += b.rows[f];
    }
    if (full) {
      fullChunks.push(...b.full);
      rows[FULL_TRUTH_FILE]! += b.fullRows;
    }
    for (let u = b.from; u < b.to; u++) ratingStart[u + 1] = ratingStart[u]! + b.ratingCounts[u - b.from]!;
    for (let i = 0; i < 4; i++) pools[i]! += b.pools[i]!;
    options.onProgress?.(b.to);
  };
  const blocks = blocksOf({ from: 0, to: config.users }, blockUsers(config.movies));
  let tallies: Tallies;
  if (options.pass !== undefined) tallies = await options.pass(blocks, take);
  else {
    const runner = pageBlockRunner(world, run);
    for (const range of blocks) take(runner.run(range.from, range.to));
    tallies = kernelTallies(world);
  }
  // the world that drew the test sets may not be the one that ran the users: the same draws (as with ctar generate's workers)
  const end = endOfDataset(world, { ratingStart, pools, tallies, rows }, warn);
  world.engine.finish();
  let config_ = configJson(world, end, warnings, run.record);

  const files = new Map<string, Uint8Array>();
  for (const [f, c] of chunks) if (!end.dropped.includes(f)) files.set(f, concatBytes(c));
  for (const [f, text] of Object.entries(end.texts)) files.set(f, enc.encode(text));
  files.set("test/test.csv", concatBytes([files.get("test/test_1.csv")!, enc.encode(end.testTail)]));
  let fullTruthCsv: string | undefined;
  const plain = new Map<string, Uint8Array>();
  if (full) {
    if (options.gzip === undefined) throw new RangeError("datasetInMemory: truth: full needs options.gzip");
    options.onProgress?.(config.users, `compressing ${FULL_TRUTH_FILE}`);
    const header = enc.encode(`${HEADERS[FULL_TRUTH_FILE]}\n`);
    const members = [await options.gzip(header)];
    for (const c of fullChunks) members.push(await options.gzip(c));
    files.set(FULL_TRUTH_FILE, concatBytes(members));
    plain.set(FULL_TRUTH_FILE, concatBytes([header, ...fullChunks]));
    fullTruthCsv = new TextDecoder().decode(plain.get(FULL_TRUTH_FILE));
  }
  const csv = new Map<string, Uint8Array>();
  for (const f of Object.keys(end.files)) if (f !== FULL_TRUTH_FILE) csv.set(f, files.get(f)!);
  const ordered = new Map<string, Uint8Array>();
  if (run.record["format"] !== undefined) {
    if (options.convert === undefined) throw new RangeError(`datasetInMemory: format ${String(run.record["format"])} needs options.convert`);
    options.onProgress?.(config.users, String(run.record["format"]));
    config_ = await options.convert(files, config_, plain);
  }
  for (const f of Object.keys(JSON.parse(config_).files as object)) ordered.set(f, files.get(f)!);
  const configBytes = enc.encode(config_);
  ordered.set("config.json", configBytes);
  csv.set("config.json", configBytes);

  const digest = async (b: Uint8Array): Promise<FileDigest> => ({ bytes: b.length, sha256: await options.sha256(b) });
  const present = new Map<string, FileDigest>();
  // in the order the CLI digests a folder's tables (dataset-artifact.ts)
  for (const f of tablePaths()) if (ordered.has(f)) present.set(f, await digest(ordered.get(f)!));
  const facts = factsFromConfig(JSON.parse(config_) as Record<string, unknown>, "config.json", present, options.date);
  const card = enc.encode(buildCard(facts));
  ordered.set(CARD_FILE, card);
  ordered.set(CROISSANT_FILE, enc.encode(croissantText(facts, await digest(configBytes), await digest(card))));
  return { files: ordered, csv, ...(fullTruthCsv === undefined ? {} : { fullTruthCsv }), warnings };
}

