/**
 * The generation pass over users [from, to): the fixed blocks of plan.ts, generated inline or by
 * `workers` worker threads (each builds the same world: catalog and graph cloned, user modules
 * imported again), and handed to `onBlock` strictly in user order — a block that finishes early
 * waits in a window of at most 2 × workers blocks, so memory stays bounded. The tallies of every
 * kernel are summed over all blocks. The workers then regenerate, in parallel, the users the
 * test-set draws land on (finish-dataset.ts), and are closed. A worker that throws or dies stops
 * the run with its error.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type BlockOutput, BlockRunner } from "../../generate/block.js";
import { blockUsers, blocksOf, type UserRange } from "../../generate/plan.js";
import { World, type WorldInput } from "../../generate/world.js";
import type { RegenerateUsers } from "../../testsets/build-test-sets.js";
import type { UserFacts } from "../../testsets/user-facts.js";
import { type PackedFacts, unpackFacts } from "./facts-wire.js";
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

export type Tallies = Record<string, Record<string, number>>;

export function addTallies(into: Tallies, from: Tallies): void {
  for (const [node, t] of Object.entries(from)) {
    const dst = (into[node] ??= {});
    for (const [k, v] of Object.entries(t)) dst[k] = (dst[k] ?? 0) + v;
  }
}

export function kernelTallies(world: World): Tallies {
  const out: Tallies = {};
  for (const [name, k] of world.engine.kernels) if (k.tally !== undefined) out[name] = { ...k.tally };
  return out;
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

type Reply =
  | { type: "block"; index: number; block: BlockOutput }
  | { type: "tally"; tallies: Tallies }
  | { type: "facts"; part: number; facts: PackedFacts }
  | { type: "closed" }
  | { type: "error"; error: WireError };

/** A finished pass: its tallies, and the workers (if any) kept for the test-set draws. */
export interface UserPass {
  /** The kernels' tallies summed over every block (taken before any regeneration). */
  readonly tallies: Tallies;
  /** Regenerates users' test-set facts on the worker threads; undefined when the pass ran inline. */
  readonly regenerate: RegenerateUsers | undefined;
  /** Ends the pass: every worker calls its kernels' finish after its last user and exits. */
  close(): Promise<void>;
  /** Stops every worker at once (an error elsewhere ends the run). */
  abort(): void;
}

/** Runs the pass; resolves once every block has gone to `onBlock`. */
export async function runUserPass(input: UserPassInput): Promise<UserPass> {
  const blocks = blocksOf(input.range, blockUsers(input.world.config.movies));
  // A worker costs ~0.1 s to start (module loading, the world's setup): below a few million pairs
  // the main thread alone finishes first. The files are the same either way.
  const pairs = (input.range.to - input.range.from) * input.world.config.movies;
  const wanted = input.workers ?? (pairs < INLINE_PAIRS ? 1 : defaultWorkers());
  const workers = Math.max(1, Math.min(wanted, blocks.length));
  // A user's mechanisms run on a worker thread even alone: an endless loop in one then leaves the
  // main thread free to handle SIGINT/SIGTERM (stopping the worker and removing the output).
  if (workers === 1 && (input.modules.length === 0 || blocks.length === 0)) {
    const tallies = await runInline(input, blocks);
    return { tallies, regenerate: undefined, close: async () => {}, abort: () => {} };
  }
  return runWorkers(input, blocks, workers);
}

async function runInline(input: UserPassInput, blocks: readonly UserRange[]): Promise<Tallies> {
  if (blocks.length === 0) return {};
  const world = input.main ?? new World({ ...input.world, warn: () => {} });
  const runner = new BlockRunner(world, input.fullTruth);
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

/**
 * The pass on `n` workers. After the blocks the workers stay up (each holding its world) to
 * regenerate the users the test-set draws land on, a share of each batch per worker, until
 * `close`. One operation is pending at a time (the pass, a batch, the close); a worker's error,
 * death or early exit rejects it, and every later call, and stops all the workers.
 */
function runWorkers(input: UserPassInput, blocks: readonly UserRange[], n: number): Promise<UserPass> {
  const setup: WorkerSetup = {
    // the main thread's τ table goes along (cloned once per worker), so no worker computes it again
    world: { config: input.world.config, catalog: input.world.catalog, graph: input.world.graph, effectsTable: input.main?.effectsTable },
    modules: input.modules,
    source: input.source,
    fullTruth: input.fullTruth,
  };
  const pool: Worker[] = [];
  const waiting = new Map<number, BlockOutput>();
  const tallies: Tallies = {};
  const window = 2 * n;
  const closed = new Set<Worker>();
  let next = 0;
  let delivered = 0;
  let ended = 0;
  let done = 0;
  let failure: unknown;
  let failed = false;
  let pending: { resolve(value: unknown): void; reject(e: unknown): void } | undefined;
  let parts: PackedFacts[] = [];
  let partsLeft = 0;
  const settle = (value: unknown) => {
    const p = pending;
    pending = undefined;
    p?.resolve(value);
  };
  const fail = (e: unknown) => {
    if (failed) return;
    failed = true;
    failure = e;
    for (const w of pool) void w.terminate();
    const p = pending;
    pending = undefined;
    p?.reject(e);
  };
  const operation = <T>(start: () => void) =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(failure);
      pending = { resolve: resolve as (v: unknown) => void, reject };
      start();
    });
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
  const regenerate: RegenerateUsers = (users) =>
    operation<readonly UserFacts[]>(() => {
      const share = Math.ceil(users.length / n);
      parts = [];
      partsLeft = 0;
      for (let k = 0; k * share < users.length; k++) {
        partsLeft++;
        pool[k]!.postMessage({ type: "facts", part: k, users: users.slice(k * share, (k + 1) * share) });
      }
      if (partsLeft === 0) settle([]);
    });
  const handle: UserPass = {
    tallies,
    regenerate,
    close: () =>
      operation<void>(() => {
        for (const w of pool) w.postMessage({ type: "close" });
      }),
    abort: () => {
      if (closed.size < pool.length) fail(new Error("the run stopped"));
    },
  };
  const onMessage = (w: Worker, r: Reply) => {
    if (failed) return;
    if (r.type === "error") return fail(errorFromWire(r.error));
    if (r.type === "tally") {
      addTallies(tallies, r.tallies);
      if (++ended === n) settle(handle);
      return;
    }
    if (r.type === "facts") {
      parts[r.part] = r.facts;
      if (--partsLeft === 0) settle(parts.flatMap(unpackFacts));
      return;
    }
    if (r.type === "closed") {
      closed.add(w);
      if (closed.size === n) settle(undefined);
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
  };
  return operation<UserPass>(() => {
    for (let k = 0; k < n; k++) {
      const w = new Worker(WORKER_URL, { workerData: setup });
      pool.push(w);
      w.on("message", (r: Reply) => onMessage(w, r));
      w.on("error", (e) => fail(errorFromWire({ name: "Error", message: `a generation worker died: ${e.message}`, exitCode: 70 })));
      // A worker that ends before it was closed (a crash, or a thread ended by other means than
      // process.exit, which module-guard.ts refuses) fails the pass instead of leaving it waiting.
      w.on("exit", (code) => {
        if (failed || closed.has(w)) return;
        const why = code === 0 ? "ended before its work was done" : `exited with code ${code} (out of memory?)`;
        fail(errorFromWire({ name: "Error", message: `a generation worker ${why}`, exitCode: 70 }));
      });
      if (!feed(w)) idle.push(w);
    }
    pump();
  });
}

export { errorToWire };
