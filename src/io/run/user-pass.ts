/**
 * The generation pass over users [from, to): the fixed blocks of plan.ts, generated inline or by
 * `workers` worker threads (each builds the same world: catalog and graph cloned, user modules
 * imported again), and handed to `onBlock` strictly in user order — a block that finishes early
 * waits in a window of at most 2 × workers blocks, so memory stays bounded. The tallies of every
 * kernel are summed over all blocks. A worker that throws or dies stops the run with its error.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type BlockOutput, BlockRunner } from "../../generate/block.js";
import { type Tallies, kernelTallies } from "../../generate/dataset-end.js";
import { blockUsers, blocksOf, type UserRange } from "../../generate/plan.js";
import { World, type WorldInput } from "../../generate/world.js";
import { gzipMember } from "./gzip-members.js";
import { errorFromWire, errorToWire, type WireError } from "./wire-error.js";

export interface UserPassInput {
  /** The world's inputs, as built on the main thread (its warnings are the ones reported). */
  readonly world: WorldInput;
  /** That world itself: a pass without workers runs on it (no second setup). */
  readonly main?: World;
  /** Mechanism module files the workers import (a graph file's `modules:`). */
  readonly modules: readonly string[];
  readonly source: string;
  readonly range: UserRange;
  /** Worker threads: a number is honoured (up to one per block); undefined picks the machine's cores, or none for small runs. */
  readonly workers: number | undefined;
  readonly fullTruth: boolean;
  onBlock(block: BlockOutput): void;
  onProgress?(usersDone: number): void;
}

export type { Tallies };
export { kernelTallies };

export function addTallies(into: Tallies, from: Tallies): void {
  for (const [node, t] of Object.entries(from)) {
    const dst = (into[node] ??= {});
    for (const [k, v] of Object.entries(t)) dst[k] = (dst[k] ?? 0) + v;
  }
}


/** The default number of workers: the machine's cores, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** Below this many user-movie pairs the default is to run on the main thread. */
const INLINE_PAIRS = 1 << 22;

/** The worker entry, compiled next to this file. */
const WORKER_URL = new URL("./user-pass-worker.js", import.meta.url);

export interface WorkerSetup {
  readonly world: Omit<WorldInput, "registry" | "warn">;
  readonly modules: readonly string[];
  readonly source: string;
  readonly fullTruth: boolean;
}

type Reply = { type: "block"; index: number; block: BlockOutput } | { type: "tally"; tallies: Tallies } | { type: "error"; error: WireError };

/** Runs the pass; resolves with the summed tallies. */
export async function runUserPass(input: UserPassInput): Promise<Tallies> {
  const blocks = blocksOf(input.range, blockUsers(input.world.config.movies));
  // A worker costs ~0.1 s to start (module loading, the world's setup): below a few million pairs
  // the main thread alone finishes first. The files are the same either way.
  const pairs = (input.range.to - input.range.from) * input.world.config.movies;
  const wanted = input.workers ?? (pairs < INLINE_PAIRS ? 1 : defaultWorkers());
  const workers = Math.max(1, Math.min(wanted, blocks.length));
  // A user's mechanisms run on a worker thread even alone: an endless loop in one then leaves the
  // main thread free to handle SIGINT/SIGTERM (stopping the worker and removing the output).
  if (workers === 1 && (input.modules.length === 0 || blocks.length === 0)) return runInline(input, blocks);
  return runWorkers(input, blocks, workers);
}

async function runInline(input: UserPassInput, blocks: readonly UserRange[]): Promise<Tallies> {
  if (blocks.length === 0) return {};
  const world = input.main ?? new World({ ...input.world, warn: () => {} });
  const runner = new BlockRunner(world, input.fullTruth && gzipMember);
  let done = 0;
  for (const b of blocks) {
    input.onBlock(runner.run(b.from, b.to));
    done += b.to - b.from;
    input.onProgress?.(done);
    // A turn of the event loop between blocks: SIGINT/SIGTERM are handled during a long run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return kernelTallies(world);
}

function runWorkers(input: UserPassInput, blocks: readonly UserRange[], n: number): Promise<Tallies> {
  return new Promise<Tallies>((resolve, reject) => {
    const setup: WorkerSetup = {
      world: { config: input.world.config, catalog: input.world.catalog, graph: input.world.graph },
      modules: input.modules,
      source: input.source,
      fullTruth: input.fullTruth,
    };
    const pool: Worker[] = [];
    const waiting = new Map<number, BlockOutput>();
    const tallies: Tallies = {};
    const window = 2 * n;
    let next = 0;
    let delivered = 0;
    let ended = 0;
    let failed = false;
    let done = 0;
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(e);
    };
    const feed = (w: Worker) => {
      if (next < blocks.length && next < delivered + window) {
        const index = next++;
        w.postMessage({ type: "block", index, ...blocks[index]! });
        return true;
      }
      return false;
    };
    const idle: Worker[] = [];
    const pump = () => {
      while (idle.length > 0 && feed(idle[idle.length - 1]!)) idle.pop();
      if (delivered === blocks.length) for (const w of idle.splice(0)) w.postMessage({ type: "end" });
    };
    const finished = new Set<Worker>();
    for (let k = 0; k < n; k++) {
      const w = new Worker(WORKER_URL, { workerData: setup });
      pool.push(w);
      w.on("message", (r: Reply) => {
        if (failed) return;
        if (r.type === "error") return fail(errorFromWire(r.error));
        if (r.type === "tally") {
          finished.add(w);
          addTallies(tallies, r.tallies);
          if (++ended === n) resolve(tallies);
          return;
        }
        waiting.set(r.index, r.block);
        try {
          for (let b = waiting.get(delivered); b !== undefined; b = waiting.get(delivered)) {
            waiting.delete(delivered);
            input.onBlock(b);
            delivered++;
            done += b.to - b.from;
            input.onProgress?.(done);
          }
        } catch (e) {
          return fail(e);
        }
        idle.push(w);
        pump();
      });
      w.on("error", (e) => fail(errorFromWire({ name: "Error", message: `a generation worker died: ${e.message}`, exitCode: 70 })));
      // A worker that ends before its tallies (a crash, or a thread ended by other means than
      // process.exit, which module-guard.ts refuses) fails the pass instead of leaving it waiting.
      w.on("exit", (code) => {
        if (failed || finished.has(w)) return;
        const why = code === 0 ? "ended before its work was done" : `exited with code ${code} (out of memory?)`;
        fail(errorFromWire({ name: "Error", message: `a generation worker ${why}`, exitCode: 70 }));
      });
      if (!feed(w)) idle.push(w);
    }
    pump();
  });
}

export { errorToWire };
