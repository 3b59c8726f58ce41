/**
 * io/bench/ — the bench's edge: its worker threads (this pool and bench-worker); the predictions
 * files are written by io/tables/write-table.ts from the task's tables (src/tasks/).
 *
 * A pool of worker threads for the bench (node:worker_threads). Each worker gets the dataset once
 * (structured clone of typed arrays) and then pulls jobs one at a time from a shared queue; results
 * are stored by job index, so the order of completion does not matter. The worker entry is the
 * compiled `bench-worker.js` next to this file (resolved from import.meta.url).
 */
import { Worker } from "node:worker_threads";
import type { BenchDataset } from "../../bench/dataset.js";
import type { RunScores, TestPredictions } from "../../bench/evaluate.js";
import type { BenchJob, JobRunner } from "../../bench/run-bench.js";
import type { JobOutput } from "../../bench/run-one.js";

export const WORKER_URL = new URL("./bench-worker.js", import.meta.url);

export interface WorkerReply {
  readonly index: number;
  readonly scores?: RunScores;
  readonly predictions?: TestPredictions;
  readonly error?: { message: string; stack?: string };
}

export function workerPool(workers: number): JobRunner {
  return (data: BenchDataset, jobs: readonly BenchJob[], onDone) =>
    new Promise<JobOutput[]>((resolve, reject) => {
      const results: JobOutput[] = new Array(jobs.length);
      let next = 0;
      let finished = 0;
      let failed = false;
      const pool: Worker[] = [];
      const stopAll = () => {
        for (const w of pool) void w.terminate();
      };
      const feed = (w: Worker) => {
        if (next < jobs.length) {
          const index = next++;
          w.postMessage({ index, job: jobs[index] });
        }
      };
      const n = Math.max(1, Math.min(workers, jobs.length));
      for (let k = 0; k < n; k++) {
        const w = new Worker(WORKER_URL, { workerData: data });
        pool.push(w);
        w.on("message", (r: WorkerReply) => {
          if (failed) return;
          if (r.error !== undefined || r.scores === undefined) {
            failed = true;
            stopAll();
            const e = new Error(`bench worker: job ${jobs[r.index]?.model} run ${jobs[r.index]?.run} failed: ${r.error?.message}`);
            if (r.error?.stack !== undefined) e.stack = r.error.stack;
            reject(e);
            return;
          }
          results[r.index] = r.predictions === undefined ? { scores: r.scores } : { scores: r.scores, predictions: r.predictions };
          onDone(r.index);
          finished++;
          if (finished === jobs.length) {
            stopAll();
            resolve(results);
          } else feed(w);
        });
        w.on("error", (e) => {
          if (failed) return;
          failed = true;
          stopAll();
          reject(e);
        });
        feed(w);
      }
    });
}
