/**
 * A whole CTAR dataset as file bytes in memory, for the browser page (docs/browser.md): the CTAR
 * preset or the page's graph (page-run.ts) on the built-in catalog, generated block by block on one thread, finished and documented
 * by the same pure functions `ctar generate` writes a folder with (src/generate/block.ts,
 * src/generate/dataset-end.ts, src/report/dataset-documents.ts) — so the files are the same bytes
 * as `ctar generate --users U --movies M --seed S` (with the same date on the card). CSV and
 * `truth: basic` only: Parquet and truth/full.csv.gz need Node (zlib, the Parquet writer).
 */
import { selectMovies } from "../catalog/select-movies.js";
import { syntheticCatalog } from "../catalog/synthetic.js";
import type { CtarConfig } from "../config/ctar-config.js";
import { BlockRunner } from "../generate/block.js";
import { configJson, endOfDataset, kernelTallies } from "../generate/dataset-end.js";
import { HEADERS, STREAMED_FILES } from "../generate/layout.js";
import { blockUsers, blocksOf } from "../generate/plan.js";
import { World } from "../generate/world.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { buildCard } from "../report/dataset-card.js";
import type { PageRun } from "./page-run.js";
import { CARD_FILE, CROISSANT_FILE, type FileDigest, croissantText, factsFromConfig } from "../report/dataset-documents.js";

/** SHA-256 of some bytes, as lowercase hex (crypto.subtle in a browser). */
export type Sha256 = (bytes: Uint8Array) => Promise<string>;

export interface InMemoryOptions {
  /** The day the card and croissant.json state, YYYY-MM-DD. */
  readonly date: string;
  readonly sha256: Sha256;
  /** Users done so far, after each block. */
  readonly onProgress?: (usersDone: number) => void;
}

export interface DatasetInMemory {
  /** Every file of the dataset folder, by path, in the layout's order and then config.json, the card, croissant.json. */
  readonly files: ReadonlyMap<string, Uint8Array>;
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

/** Generates the dataset of `config` (its catalog must be the built-in one) and `run`'s graph (page-run.ts). */
export async function datasetInMemory(config: CtarConfig, run: PageRun, options: InMemoryOptions): Promise<DatasetInMemory> {
  if (config.catalog !== "builtin") throw new RangeError(`datasetInMemory: only the built-in catalog (got '${config.catalog}')`);
  const enc = new TextEncoder();
  const warnings: string[] = [];
  const warn = (m: string) => void warnings.push(m);
  const catalog = selectMovies(syntheticCatalog({ seed: config.catalogSeed }), config.movies);
  const world = new World({ config, catalog, graph: run.graph, registry: builtinRegistry(), warn });
  const chunks = new Map<string, Uint8Array[]>(STREAMED_FILES.map((f) => [f, [enc.encode(`${HEADERS[f]}\n`)]]));
  const rows: Record<string, number> = Object.fromEntries(STREAMED_FILES.map((f) => [f, 0]));
  const ratingStart = new Float64Array(config.users + 1);
  const pools = [0, 0, 0, 0];
  const runner = new BlockRunner(world, false);
  for (const range of blocksOf({ from: 0, to: config.users }, blockUsers(config.movies))) {
    const b = runner.run(range.from, range.to);
    for (const f of STREAMED_FILES) {
      if (b.bytes[f].length > 0) chunks.get(f)!.push(b.bytes[f].slice());
      rows[f]! += b.rows[f];
    }
    for (let u = b.from; u < b.to; u++) ratingStart[u + 1] = ratingStart[u]! + b.ratingCounts[u - b.from]!;
    for (let i = 0; i < 4; i++) pools[i]! += b.pools[i]!;
    options.onProgress?.(b.to);
  }
  const end = endOfDataset(world, { ratingStart, pools, tallies: kernelTallies(world), rows }, warn);
  world.engine.finish();
  const config_ = configJson(world, end, warnings, run.record);

  const files = new Map<string, Uint8Array>();
  for (const [f, c] of chunks) if (!end.dropped.includes(f)) files.set(f, concatBytes(c));
  for (const [f, text] of Object.entries(end.texts)) files.set(f, enc.encode(text));
  files.set("test/test.csv", concatBytes([files.get("test/test_1.csv")!, enc.encode(end.testTail)]));
  const ordered = new Map<string, Uint8Array>();
  for (const f of Object.keys(end.files)) ordered.set(f, files.get(f)!);
  const configBytes = enc.encode(config_);
  ordered.set("config.json", configBytes);

  const digest = async (b: Uint8Array): Promise<FileDigest> => ({ bytes: b.length, sha256: await options.sha256(b) });
  const present = new Map<string, FileDigest>();
  for (const [f, b] of ordered) if (f !== "config.json") present.set(f, await digest(b));
  const facts = factsFromConfig(JSON.parse(config_) as Record<string, unknown>, "config.json", present, options.date);
  const card = enc.encode(buildCard(facts));
  ordered.set(CARD_FILE, card);
  ordered.set(CROISSANT_FILE, enc.encode(croissantText(facts, await digest(configBytes), await digest(card))));
  return { files: ordered, warnings };
}
