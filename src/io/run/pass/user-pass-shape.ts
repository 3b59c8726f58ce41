/**
 * The user pass's shape (user-pass.ts): what it is given, what a finished pass offers, and what a
 * worker thread is set up from. Its two forms, inline and on worker threads (worker-pass.ts),
 * share it.
 */
import type { BlockOutput } from "../../../generate/block.js";
import type { Tallies } from "../../../generate/dataset-end.js";
import type { UserRange } from "../../../generate/plan.js";
import type { World, WorldInput } from "../../../generate/world.js";
import type { VariantOptions } from "../../../generate/variant-tables.js";
import type { RegenerateUsers } from "../../../testsets/build-test-sets.js";

export interface UserPassInput {
  /** The world's inputs, as built on the main thread (its warnings are the ones reported). */
  readonly world: WorldInput;
  /** That world itself: the pass runs on it inline, or as one of its threads when the graph has only built-in mechanisms (no second setup). */
  readonly main?: World;
  /** Mechanism module files the workers import (a graph file's `modules:`). */
  readonly modules: readonly string[];
  readonly source: string;
  readonly range: UserRange;
  /** Threads generating blocks: a number is honoured (up to one per block); undefined picks the machine's cores, or one for small runs. */
  readonly workers: number | undefined;
  readonly fullTruth: boolean;
  /** A variant world's options (`--propensity`); default none. */
  readonly variant?: VariantOptions;
  onBlock(block: BlockOutput): void;
  onProgress?(usersDone: number): void;
}

/** A finished pass: its tallies, and the workers (if any) kept for the test-set draws. */
export interface UserPass {
  /** The kernels' tallies summed over every block (taken before any regeneration). */
  readonly tallies: Tallies;
  /** Regenerates users' test-set facts on the worker threads (and this one); undefined when the pass ran inline. */
  readonly regenerate: RegenerateUsers | undefined;
  /** Ends the pass: every worker calls its kernels' finish after its last user and exits. */
  close(): Promise<void>;
  /** Stops every worker at once (an error elsewhere ends the run). */
  abort(): void;
}

/** What a worker thread builds its world from (cloned to it). */
export interface WorkerSetup {
  readonly world: Omit<WorldInput, "registry" | "warn">;
  readonly modules: readonly string[];
  readonly source: string;
  readonly fullTruth: boolean;
  readonly variant?: VariantOptions;
}
