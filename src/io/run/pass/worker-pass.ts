/**
 * The user pass on worker threads (user-pass.ts). Each worker builds the same world (catalog and
 * graph cloned, the main thread's tables handed over, user modules imported again) and generates
 * the blocks it is posted, at most two at a time so it never waits for the next; a block that
 * comes back early waits in a window of at most 2 × n blocks, so memory stays bounded. With
 * built-in mechanisms only, this thread is one of the n: between writing blocks it generates the
 * next one itself, instead of a further thread competing with it for a core.
 *
 * After the blocks the workers stay up (each holding its world) to regenerate the users the
 * test-set draws land on, a share of each batch per thread, until `close`. One operation is
 * pending at a time (the pass, a batch, the close); a worker's error, death or early exit rejects
 * it, and every later call, and stops all the workers.
 */
import { Worker } from "node:worker_threads";
import type { BlockOutput, BlockRunner } from "../../../generate/block.js";
import type { UserRange } from "../../../generate/plan.js";
import type { RegenerateUsers } from "../../../testsets/build-test-sets.js";
import { type UserFacts, UserFactsSource } from "../../../testsets/user-facts.js";
import { type Tallies, addTallies, kernelTallies } from "../../../generate/dataset-end.js";
import { type PackedFacts, unpackFacts } from "./facts-wire.js";
import type { UserPass, UserPassInput, WorkerSetup } from "./user-pass-shape.js";
import { errorFromWire, type WireError } from "./wire-error.js";

/** The worker entry, compiled next to this file. */
const WORKER_URL = new URL("./user-pass-worker.js", import.meta.url);

/** Blocks a worker holds at once: one it generates, one queued behind it. */
const PER_WORKER = 2;

type Reply =
  | { type: "block"; index: number; block: BlockOutput }
  | { type: "tally"; tallies: Tallies }
  | { type: "facts"; part: number; facts: PackedFacts }
  | { type: "closed" }
  | { type: "error"; error: WireError };

export class WorkerPass implements UserPass {
  readonly tallies: Tallies = {};
  private readonly pool: Worker[] = [];
  private readonly holding = new Map<Worker, number>();
  private readonly waiting = new Map<number, BlockOutput>();
  private readonly closed = new Set<Worker>();
  private next = 0;
  private delivered = 0;
  private ended = 0;
  private endSent = false;
  private localQueued = false;
  private done = 0;
  private failed = false;
  private failure: unknown;
  private pending: { resolve(value: unknown): void; reject(e: unknown): void } | undefined;
  private parts: UserFacts[][] = [];
  private partsLeft = 0;
  private facts: UserFactsSource | undefined;

  /**
   * `n` threads in all; `local`, when given, runs on this thread as one of them (n − 1 workers).
   */
  constructor(
    private readonly input: UserPassInput,
    private readonly blocks: readonly UserRange[],
    private readonly n: number,
    private readonly local?: BlockRunner,
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
      const workers = this.local === undefined ? this.n : this.n - 1;
      for (let k = 0; k < workers; k++) this.spawn(setup);
      this.pump();
    });
  }

  readonly regenerate: RegenerateUsers = (users) =>
    this.operation<readonly UserFacts[]>(() => {
      const threads = this.pool.length + (this.local === undefined ? 0 : 1);
      const share = Math.ceil(users.length / threads);
      this.parts = [];
      this.partsLeft = 0;
      for (let k = 0; k < this.pool.length && k * share < users.length; k++) {
        this.partsLeft++;
        this.pool[k]!.postMessage({ type: "facts", part: k, users: users.slice(k * share, (k + 1) * share) });
      }
      // this thread's share (the last) is regenerated while the workers do theirs
      const k = this.pool.length;
      if (this.local !== undefined && k * share < users.length) {
        try {
          this.facts ??= new UserFactsSource(this.local.world);
          this.parts[k] = Array.from(users.subarray(k * share, (k + 1) * share), (u) => this.facts!.regenerate(u));
        } catch (e) {
          return this.fail(e);
        }
      }
      if (this.partsLeft === 0) this.settle(this.parts.flat());
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
    this.holding.set(w, 0);
    w.on("message", (r: Reply) => this.onMessage(w, r));
    w.on("error", (e) => this.fail(errorFromWire({ name: "Error", message: `a generation worker died: ${e.message}`, exitCode: 70 })));
    // A worker that ends before it was closed (a crash, or a thread ended by other means than
    // process.exit, which module-guard.ts refuses) fails the pass instead of leaving it waiting.
    w.on("exit", (code) => {
      if (this.failed || this.closed.has(w)) return;
      const why = code === 0 ? "ended before its work was done" : `exited with code ${code} (out of memory?)`;
      this.fail(errorFromWire({ name: "Error", message: `a generation worker ${why}`, exitCode: 70 }));
    });
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

  /** The next block's index, if the window has room for it. */
  private take(): number | undefined {
    return this.next < this.blocks.length && this.next < this.delivered + 2 * this.n ? this.next++ : undefined;
  }

  /** Posts blocks to the workers up to what each may hold; queues this thread's next block. */
  private pump(): void {
    for (const w of this.pool) {
      for (let held = this.holding.get(w)!; held < PER_WORKER; held++) {
        const index = this.take();
        if (index === undefined) break;
        this.holding.set(w, held + 1);
        w.postMessage({ type: "block", index, ...this.blocks[index]! });
      }
    }
    if (this.local !== undefined && !this.localQueued && this.next < this.blocks.length) {
      this.localQueued = true;
      // a turn of the event loop first: the workers' blocks are written, and signals handled
      setImmediate(() => this.runLocal());
    }
    if (this.delivered === this.blocks.length && !this.endSent) this.end();
  }

  /** Generates one block on this thread, when the window has room. */
  private runLocal(): void {
    this.localQueued = false;
    if (this.failed) return;
    const index = this.take();
    if (index === undefined) return;
    let block: BlockOutput;
    try {
      const b = this.blocks[index]!;
      block = this.local!.run(b.from, b.to);
    } catch (e) {
      return this.fail(e);
    }
    this.deliver(index, block);
  }

  /** Every block is written: the workers send their tallies; this thread's are taken now, before any regeneration. */
  private end(): void {
    this.endSent = true;
    for (const w of this.pool) w.postMessage({ type: "end" });
    if (this.local !== undefined) addTallies(this.tallies, kernelTallies(this.local.world));
    if (this.pool.length === 0) this.settle(this);
  }

  private onMessage(w: Worker, r: Reply): void {
    if (this.failed) return;
    if (r.type === "error") return this.fail(errorFromWire(r.error));
    if (r.type === "tally") {
      addTallies(this.tallies, r.tallies);
      if (++this.ended === this.pool.length) this.settle(this);
    } else if (r.type === "facts") {
      this.parts[r.part] = unpackFacts(r.facts);
      if (--this.partsLeft === 0) this.settle(this.parts.flat());
    } else if (r.type === "closed") {
      this.closed.add(w);
      if (this.closed.size === this.pool.length) this.settle(undefined);
    } else {
      this.holding.set(w, this.holding.get(w)! - 1);
      this.deliver(r.index, r.block);
    }
  }

  /** A block generated: it and the ones waiting after it go out in user order, then more are handed out. */
  private deliver(index: number, block: BlockOutput): void {
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
    this.pump();
  }
}
