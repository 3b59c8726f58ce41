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
import { type Tallies, addTallies, kernelTallies } from "../../generate/dataset-end.js";
import { blockUsers, blocksOf, type UserRange } from "../../generate/plan.js";
import { World, type WorldInput } from "../../generate/world.js";
import { gzipMember } from "./gzip-members.js";
import { VariantRows } from "../../generate/variant-rows.js";
import { NO_VARIANT_OPTIONS, type VariantOptions } from "../../generate/variant-tables.js";
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
  /** A variant world's options (`--propensity`); default none. */
  readonly variant?: VariantOptions;
  onBlock(block: BlockOutput): void;
  onProgress?(usersDone: number): void;
}

export type { Tallies };
export { addTallies, kernelTallies };


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
  readonly variant?: VariantOptions;
}

/** The block runner of a world: truth/full when asked, the variant world's tables when it has any. */
export function blockRunner(world: World, fullTruth: boolean, variant: VariantOptions = NO_VARIANT_OPTIONS): BlockRunner {
  return new BlockRunner(world, fullTruth && gzipMember, undefined, new VariantRows(world.input.graph, world.input.registry, variant, gzipMember));
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
  return new WorkerPass(input, blocks, workers).start();
}

async function runInline(input: UserPassInput, blocks: readonly UserRange[]): Promise<Tallies> {
  if (blocks.length === 0) return {};
  const world = input.main ?? new World({ ...input.world, warn: () => {} });
  const runner = blockRunner(world, input.fullTruth, input.variant);
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
class WorkerPass implements UserPass {
  readonly tallies: Tallies = {};
  private readonly pool: Worker[] = [];
  private readonly waiting = new Map<number, BlockOutput>();
  private readonly closed = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private next = 0;
  private delivered = 0;
  private ended = 0;
  private done = 0;
  private failed = false;
  private failure: unknown;
  private pending: { resolve(value: unknown): void; reject(e: unknown): void } | undefined;
  private parts: PackedFacts[] = [];
  private partsLeft = 0;

  constructor(
    private readonly input: UserPassInput,
    private readonly blocks: readonly UserRange[],
    private readonly n: number,
  ) {}

  /** Starts the workers; resolves when every block has gone to `onBlock` and every tally is in. */
  start(): Promise<UserPass> {
    const w = this.input.world;
    const setup: WorkerSetup = {
      // the main thread's τ table and kernels' tables go along (cloned once per worker), so no
      // worker computes them again
      world: { config: w.config, catalog: w.catalog, graph: w.graph, effectsTable: this.input.main?.effectsTable, kernelTables: this.input.main?.engine.tables() },
      modules: this.input.modules,
      source: this.input.source,
      fullTruth: this.input.fullTruth,
      ...(this.input.variant === undefined ? {} : { variant: this.input.variant }),
    };
    return this.operation<UserPass>(() => {
      for (let k = 0; k < this.n; k++) this.spawn(setup);
      this.pump();
    });
  }

  readonly regenerate: RegenerateUsers = (users) =>
    this.operation<readonly UserFacts[]>(() => {
      const share = Math.ceil(users.length / this.n);
      this.parts = [];
      this.partsLeft = 0;
      for (let k = 0; k * share < users.length; k++) {
        this.partsLeft++;
        this.pool[k]!.postMessage({ type: "facts", part: k, users: users.slice(k * share, (k + 1) * share) });
      }
      if (this.partsLeft === 0) this.settle([]);
    });

  close(): Promise<void> {
    return this.operation<void>(() => {
      for (const w of this.pool) w.postMessage({ type: "close" });
    });
  }

  abort(): void {
    if (this.closed.size < this.pool.length) this.fail(new Error("the run stopped"));
  }

  private spawn(setup: WorkerSetup): void {
    const w = new Worker(WORKER_URL, { workerData: setup });
    this.pool.push(w);
    w.on("message", (r: Reply) => this.onMessage(w, r));
    w.on("error", (e) => this.fail(errorFromWire({ name: "Error", message: `a generation worker died: ${e.message}`, exitCode: 70 })));
    // A worker that ends before it was closed (a crash, or a thread ended by other means than
    // process.exit, which module-guard.ts refuses) fails the pass instead of leaving it waiting.
    w.on("exit", (code) => {
      if (this.failed || this.closed.has(w)) return;
      const why = code === 0 ? "ended before its work was done" : `exited with code ${code} (out of memory?)`;
      this.fail(errorFromWire({ name: "Error", message: `a generation worker ${why}`, exitCode: 70 }));
    });
    if (!this.feed(w)) this.idle.push(w);
  }

  private operation<T>(start: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failed) return reject(this.failure);
      this.pending = { resolve: resolve as (v: unknown) => void, reject };
      start();
    });
  }

  private settle(value: unknown): void {
    const p = this.pending;
    this.pending = undefined;
    p?.resolve(value);
  }

  private fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.failure = e;
    for (const w of this.pool) void w.terminate();
    const p = this.pending;
    this.pending = undefined;
    p?.reject(e);
  }

  private feed(w: Worker): boolean {
    if (this.next < this.blocks.length && this.next < this.delivered + 2 * this.n) {
      const index = this.next++;
      w.postMessage({ type: "block", index, ...this.blocks[index]! });
      return true;
    }
    return false;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.feed(this.idle[this.idle.length - 1]!)) this.idle.pop();
    if (this.delivered === this.blocks.length) for (const w of this.idle.splice(0)) w.postMessage({ type: "end" });
  }

  private onMessage(w: Worker, r: Reply): void {
    if (this.failed) return;
    if (r.type === "error") return this.fail(errorFromWire(r.error));
    if (r.type === "tally") {
      addTallies(this.tallies, r.tallies);
      if (++this.ended === this.n) this.settle(this);
    } else if (r.type === "facts") {
      this.parts[r.part] = r.facts;
      if (--this.partsLeft === 0) this.settle(this.parts.flatMap(unpackFacts));
    } else if (r.type === "closed") {
      this.closed.add(w);
      if (this.closed.size === this.n) this.settle(undefined);
    } else this.deliver(w, r.index, r.block);
  }

  /** A block back from `w`: it and the ones waiting after it go out in user order, then `w` is fed. */
  private deliver(w: Worker, index: number, block: BlockOutput): void {
    this.waiting.set(index, block);
    try {
      for (let b = this.waiting.get(this.delivered); b !== undefined; b = this.waiting.get(this.delivered)) {
        this.waiting.delete(this.delivered);
        this.input.onBlock(b);
        this.delivered++;
        this.done += b.to - b.from;
        this.input.onProgress?.(this.done);
      }
    } catch (e) {
      return this.fail(e);
    }
    this.idle.push(w);
    this.pump();
  }
}

export { errorToWire };
