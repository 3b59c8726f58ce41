/**
 * Worker-thread entry of the bench pool: receives the dataset as workerData, then runs the jobs it
 * is posted (built-in models only, looked up by name) and posts back their scores.
 */
import { parentPort, workerData } from "node:worker_threads";
import { modelByName } from "../../models/registry.js";
import type { BenchDataset } from "../../bench/dataset.js";
import type { BenchJob } from "../../bench/run-bench.js";
import { runJob } from "../../bench/run-one.js";
import type { WorkerReply } from "./bench-pool.js";

const data = workerData as BenchDataset;
const port = parentPort;
if (port === null) throw new Error("bench worker: started outside a worker thread");
port.on("message", (msg: { index: number; job: BenchJob }) => {
  let reply: WorkerReply;
  try {
    const { job } = msg;
    const out = runJob(modelByName(job.model), data, { seed: job.seed, run: job.run, epochs: job.epochs, precision: job.precision, options: job.options }, job.predictions === true);
    reply = out.predictions === undefined ? { index: msg.index, scores: out.scores } : { index: msg.index, scores: out.scores, predictions: out.predictions };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { index: msg.index, error: err.stack === undefined ? { message: err.message } : { message: err.message, stack: err.stack } };
  }
  port.postMessage(reply);
});
