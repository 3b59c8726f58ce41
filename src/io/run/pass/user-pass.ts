/**
 * The generation pass over users [from, to): the fixed blocks of plan.ts, generated inline or
 * with worker threads (worker-pass.ts), and handed to `onBlock` strictly in user order. The
 * tallies of every kernel are summed over all blocks. A pass with workers keeps them up to
 * regenerate, in parallel, the users the test-set draws land on (finish-dataset.ts), until closed.
 */
import { availableParallelism } from "node:os";
import { BlockRunner } from "../../../generate/block.js";
import { type Tallies, addTallies, kernelTallies } from "../../../generate/dataset-end.js";
import { blockUsers, blocksOf, type UserRange } from "../../../generate/plan.js";
import { World } from "../../../generate/world.js";
import { gzipMember } from "./gzip-members.js";
import { VariantRows } from "../../../generate/variant-rows.js";
import { NO_VARIANT_OPTIONS, type VariantOptions } from "../../../generate/variant-tables.js";
import { WorkerPass } from "./worker-pass.js";
import type { UserPass, UserPassInput, WorkerSetup } from "./user-pass-shape.js";

export type { Tallies, UserPass, UserPassInput, WorkerSetup };
export { addTallies, kernelTallies };

/** The default number of workers: the machine's cores, at most 8. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** Below this many user-movie pairs the default is to run on the main thread. */
const INLINE_PAIRS = 1 << 22;

/** The block runner of a world: truth/full when asked, the variant world's tables when it has any. */
export function blockRunner(world: World, fullTruth: boolean, variant: VariantOptions = NO_VARIANT_OPTIONS): BlockRunner {
  return new BlockRunner(world, fullTruth && gzipMember, undefined, new VariantRows(world.input.graph, world.input.registry, variant, gzipMember));
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
  const trusted = input.modules.length === 0;
  if (workers === 1 && (trusted || blocks.length === 0)) {
    const tallies = await runInline(input, blocks);
    return { tallies, regenerate: undefined, close: async () => {}, abort: () => {} };
  }
  // With built-in mechanisms only, this thread is one of the `workers`: it generates blocks
  // between writing them, instead of a further thread competing with it for a core.
  const local = trusted && input.main !== undefined ? blockRunner(input.main, input.fullTruth, input.variant) : undefined;
  return new WorkerPass(input, blocks, workers, local).start();
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
