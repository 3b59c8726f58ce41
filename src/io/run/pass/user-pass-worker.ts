/**
 * Worker-thread entry of the generation pass (user-pass.ts): builds the world once from the
 * cloned setup (importing the graph's mechanism modules itself), then generates the blocks it is
 * posted and sends each back; on "end" it sends its kernels' tallies, then regenerates the users
 * of the test-set draws it is asked for ("facts"); on "close" it calls its kernels' finish and exits.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { BlockRunner } from "../../../generate/block.js";
import { World } from "../../../generate/world.js";
import { builtinRegistry } from "../../../mechanisms/registry.js";
import { UserFactsSource } from "../../../testsets/user-facts.js";
import { factsTransfer, packFacts } from "./facts-wire.js";
import type { WorkerSetup } from "./user-pass-shape.js";
import { blockRunner, kernelTallies } from "./user-pass.js";
import { errorToWire } from "./wire-error.js";

const port = parentPort;
if (port === null) throw new Error("user-pass worker: started outside a worker thread");
const setup = workerData as WorkerSetup;

async function start(): Promise<BlockRunner> {
  // the graph-file loader (and the YAML parser under it) is loaded only for a graph with modules
  const registry =
    setup.modules.length > 0
      ? await (await import("../../inputs/load-graph-run.js")).loadMechanismModules(setup.modules, builtinRegistry(), setup.source)
      : builtinRegistry();
  return blockRunner(new World({ ...setup.world, registry, warn: () => {} }), setup.fullTruth, setup.variant);
}

type Message = { type: "block"; index: number; from: number; to: number } | { type: "end" } | { type: "facts"; part: number; users: Int32Array } | { type: "close" };

const ready = start();
let facts: UserFactsSource | undefined;
port.on("message", (msg: Message) => {
  ready.then(
    (runner) => {
      try {
        if (msg.type === "block") {
          const block = runner.run(msg.from, msg.to);
          const variant = Object.values(block.variant?.chunks ?? {}).flat();
          const transfer = [...block.full, ...Object.values(block.bytes), ...variant].map((b) => b.buffer as ArrayBuffer);
          port.postMessage({ type: "block", index: msg.index, block }, transfer);
        } else if (msg.type === "end") {
          port.postMessage({ type: "tally", tallies: kernelTallies(runner.world) });
        } else if (msg.type === "facts") {
          facts ??= new UserFactsSource(runner.world);
          const packed = packFacts(Array.from(msg.users, (u) => facts!.regenerate(u)));
          port.postMessage({ type: "facts", part: msg.part, facts: packed }, factsTransfer(packed));
        } else {
          runner.world.engine.finish();
          port.postMessage({ type: "closed" });
          port.close();
        }
      } catch (e) {
        port.postMessage({ type: "error", error: errorToWire(e) });
      }
    },
    (e: unknown) => port.postMessage({ type: "error", error: errorToWire(e) }),
  );
});
