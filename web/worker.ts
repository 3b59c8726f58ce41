/**
 * The page's generation worker (bundled by web/build.mjs, started from a Blob URL by
 * dataset-section.ts): the dataset of the asked users, movies, seed, graph and options in memory,
 * as `ctar generate` writes it (src/explore/dataset-in-memory.ts; truth/full.csv.gz gzipped by
 * CompressionStream, Parquet by parquet-tables.ts), zipped (src/explore/zip-store.ts) and handed
 * back without a copy, with the report `ctar report` draws of those files (report-data.ts).
 * SHA-256 for croissant.json comes from crypto.subtle. The same script is each block worker of a
 * run on several workers (block-pool.ts).
 */
import { parseCtarConfig } from "../src/config/parse-config.js";
import { datasetInMemory, pageBlockRunner, pageWorld } from "../src/explore/dataset-in-memory.js";
import type { BlockRunner } from "../src/generate/block.js";
import { kernelTallies } from "../src/generate/dataset-end.js";
import { type PageRunAsk, pageRun } from "../src/explore/page-run.js";
import { zipStore } from "../src/explore/zip-store.js";
import { buildReport } from "../src/report/report-html.js";
import { type Port, workerPass } from "./block-pool.js";
import { toParquet } from "./parquet-tables.js";
import { reportDataset } from "./report-data.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const self: any, crypto: any, Blob: any, CompressionStream: any, Response: any;

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** What the page asks: users, movies and seed, the graph and the options (page-run.ts), the card's date. */
export interface WorkerAsk extends PageRunAsk {
  readonly users: number;
  readonly movies: number;
  readonly seed: number;
  readonly date: string;
  /** The dataset's name: the zip's, and the report's label (as `ctar report` labels a folder by its name). */
  readonly name: string;
  /** Ports to the block workers the page started (block-pool.ts); none: the blocks run in this worker. */
  readonly ports: readonly Port[];
}

/** One gzip member, from the browser's zlib (CompressionStream: not Node's bytes, docs/browser.md). */
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const configOf = (a: { users: number; movies: number; seed: number }) => parseCtarConfig({ users: a.users, movies: a.movies, seed: a.seed }, "the page");

/** The page's ask: the whole dataset, zipped, with its report. */
async function generate(ask: WorkerAsk): Promise<void> {
  const config = configOf(ask);
  const run = await pageRun(config, ask, sha256);
  const { ports, date: _date, name: _name, ...setup } = ask;
  const d = await datasetInMemory(config, run, {
    date: ask.date,
    sha256,
    gzip,
    convert: toParquet(run.graph),
    ...(ports.length > 1 ? { pass: workerPass(ports, setup) } : {}),
    onProgress: (done, stage) => self.postMessage({ type: "progress", done, ...(stage === undefined ? {} : { stage }) }),
  });
  self.postMessage({ type: "progress", done: config.users, stage: "drawing the report" });
  const report = await buildReport([{ label: ask.name, data: reportDataset(ask.name, d.csv, d.fullTruthCsv) }]);
  const zip = zipStore(d.files);
  self.postMessage({ type: "done", zip, report, warnings: d.warnings }, [zip.buffer]);
}

/** A block worker's runner (the role "blocks" of block-pool.ts), set up by its first message. */
let runner: Promise<BlockRunner> | undefined;
type Message =
  | ({ type: "generate" } & WorkerAsk)
  | { type: "serve"; port: Port }
  | { type: "setup"; setup: Omit<WorkerAsk, "ports" | "date" | "name"> }
  | { type: "block"; index: number; from: number; to: number }
  | { type: "end" };

/** A block worker answers on the port the page gave it (the coordinator holds the other end). */
let out: { postMessage(m: unknown): void } = self;

self.onmessage = async (e: { data: Message }) => {
  const m = e.data;
  if (m.type === "serve") {
    out = m.port;
    m.port.onmessage = self.onmessage;
    return;
  }
  try {
    if (m.type === "generate") return await generate(m);
    if (m.type === "setup") {
      const config = configOf(m.setup);
      runner = pageRun(config, m.setup, sha256).then((run) => pageBlockRunner(pageWorld(config, run, () => {}), run));
      return;
    }
    const r = await runner!;
    if (m.type === "block") out.postMessage({ type: "block", index: m.index, block: r.run(m.from, m.to) });
    else out.postMessage({ type: "tally", tallies: kernelTallies(r.world) });
  } catch (err) {
    out.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
