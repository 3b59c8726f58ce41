/**
 * The user pass of a page run on n Web Workers (the page's worker script again, in the role
 * "blocks": worker.ts; started by the page, since a worker of a page opened from file:// may not
 * start workers itself, and reached through a MessagePort each), as `ctar generate --workers N` runs it on threads (src/io/run/pass/user-pass.ts):
 * each worker builds the same world (pageWorld) and runs the blocks it is sent, at most two at a
 * time; the outputs are handed on strictly in user order (a block that finishes early waits, so at
 * most 2n blocks are held), then each worker's kernel tallies are summed. The files are the same
 * bytes for any n: every random stream is keyed by the user, not by the worker.
 */
import type { BlockOutput } from "../src/generate/block.js";
import { type Tallies, addTallies } from "../src/generate/dataset-end.js";
import type { UserRange } from "../src/generate/plan.js";

/** The end of a MessageChannel whose other end a block worker serves. */
export interface Port {
  postMessage(m: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  close(): void;
}

/** What a block worker is set up with: the run's options (worker.ts's BlockAsk). */
export type BlockSetup = Readonly<Record<string, unknown>>;

export function workerPass(ports: readonly Port[], setup: BlockSetup): (blocks: readonly UserRange[], take: (b: BlockOutput) => void) => Promise<Tallies> {
  return (blocks, take) =>
    new Promise((resolve, reject) => {
      const count = Math.max(1, Math.min(ports.length, blocks.length));
      const workers: Port[] = [];
      const held = new Map<number, BlockOutput>();
      const tallies: Tallies = {};
      let nextIn = 0;
      let nextOut = 0;
      let ended = 0;
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        for (const w of workers) w.close(); // the page ends the block workers
        reject(e instanceof Error ? e : new Error(String(e)));
      };
      for (let k = 0; k < count; k++) {
        const w = ports[k]!;
        workers.push(w);
        let inFlight = 0;
        const send = () => {
          if (nextIn < blocks.length) {
            const b = blocks[nextIn]!;
            w.postMessage({ type: "block", index: nextIn++, from: b.from, to: b.to });
            inFlight++;
          } else if (inFlight === 0) w.postMessage({ type: "end" });
        };
        w.onmessage = (e) => {
          if (failed) return;
          const m = e.data as { type: string; index?: number; block?: BlockOutput; tallies?: Tallies; message?: string };
          try {
            if (m.type === "error") throw new Error(m.message);
            if (m.type === "block") {
              inFlight--;
              held.set(m.index!, m.block!);
              while (held.has(nextOut)) {
                const b = held.get(nextOut)!;
                held.delete(nextOut++);
                take(b);
              }
              send();
            } else if (m.type === "tally") {
              addTallies(tallies, m.tallies!);
              w.close();
              if (++ended === count) resolve(tallies);
            }
          } catch (err) {
            fail(err);
          }
        };
        w.postMessage({ type: "setup", setup });
        send();
        send();
      }
    });
}
