/**
 * Worker-thread entry of the generation pass (user-pass.ts): builds the world once from the
 * cloned setup (importing the graph's mechanism modules itself), then generates the blocks it is
 * posted and sends each back; on "end" it sends its kernels' tallies and exits.
 */
import { parentPort, workerData } from "node:worker_threads";
import { BlockRunner } from "../../generate/block.js";
import { World } from "../../generate/world.js";
import { builtinRegistry } from "../../mechanisms/registry.js";
import { loadMechanismModules } from "../inputs/load-graph-run.js";
import { gzipMember } from "./gzip-members.js";
import { type WorkerSetup, errorToWire, kernelTallies } from "./user-pass.js";

const port = parentPort;
if (port === null) throw new Error("user-pass worker: started outside a worker thread");
const setup = workerData as WorkerSetup;

async function start(): Promise<BlockRunner> {
  const registry = setup.modules.length > 0 ? await loadMechanismModules(setup.modules, builtinRegistry(), setup.source) : builtinRegistry();
  return new BlockRunner(new World({ ...setup.world, registry, warn: () => {} }), setup.fullTruth && gzipMember);
}

const ready = start();
port.on("message", (msg: { type: "block"; index: number; from: number; to: number } | { type: "end" }) => {
  ready.then(
    (runner) => {
      if (msg.type === "end") {
        try {
          runner.world.engine.finish();
        } catch (e) {
          port.postMessage({ type: "error", error: errorToWire(e) });
          return;
        }
        port.postMessage({ type: "tally", tallies: kernelTallies(runner.world) });
        port.close();
        return;
      }
      try {
        const block = runner.run(msg.from, msg.to);
        const transfer = [...block.full, ...Object.values(block.bytes)].map((b) => b.buffer as ArrayBuffer);
        port.postMessage({ type: "block", index: msg.index, block }, transfer);
      } catch (e) {
        port.postMessage({ type: "error", error: errorToWire(e) });
      }
    },
    (e: unknown) => port.postMessage({ type: "error", error: errorToWire(e) }),
  );
});
