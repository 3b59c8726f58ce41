/**
 * The page's generation worker (bundled by web/build.mjs, started from a Blob URL by
 * dataset-section.ts): the dataset of the asked users, movies, seed, graph and options in memory,
 * as `ctar generate` writes it (src/explore/dataset-in-memory.ts; truth/full.csv.gz gzipped by
 * CompressionStream, Parquet by parquet-tables.ts), zipped (src/explore/zip-store.ts) and handed
 * back without a copy, with the report `ctar report` draws of those files (report-data.ts).
 * SHA-256 for croissant.json comes from crypto.subtle.
 */
import { parseCtarConfig } from "../src/config/parse-config.js";
import { datasetInMemory } from "../src/explore/dataset-in-memory.js";
import { type PageRunAsk, pageRun } from "../src/explore/page-run.js";
import { zipStore } from "../src/explore/zip-store.js";
import { buildReport } from "../src/report/report-html.js";
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
}

/** One gzip member, from the browser's zlib (the same deflate at level 6 as Node's gzipSync: the browser test compares the bytes). */
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

self.onmessage = async (e: { data: WorkerAsk }) => {
  const { users, movies, seed, date } = e.data;
  try {
    const config = parseCtarConfig({ users, movies, seed }, "the page");
    const run = await pageRun(config, e.data, sha256);
    const d = await datasetInMemory(config, run, {
      date,
      sha256,
      gzip,
      convert: toParquet(run.graph),
      onProgress: (done, stage) => self.postMessage({ type: "progress", done, ...(stage === undefined ? {} : { stage }) }),
    });
    self.postMessage({ type: "progress", done: users, stage: "drawing the report" });
    const report = await buildReport([{ label: e.data.name, data: reportDataset(e.data.name, d.csv, d.fullTruthCsv) }]);
    const zip = zipStore(d.files);
    self.postMessage({ type: "done", zip, report, warnings: d.warnings }, [zip.buffer]);
  } catch (err) {
    self.postMessage({ type: "error", message: err instanceof Error ? err.message : String(err) });
  }
};
