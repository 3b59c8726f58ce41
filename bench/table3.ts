/**
 * Benchmark piece: the full Table 3 reproduction (50 runs × MF, MF-IPS, CausE-ctar on
 * ../shared/ctar-table3 with 2 worker threads, 100 epochs, seed 0). Prints the Markdown table and
 * returns the wall time and training epochs per second per model. Called from `npm run bench`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { formatMarkdown } from "../src/bench/format.js";
import { workerPool } from "../src/io/bench/bench-pool.js";
import { runBench } from "../src/bench/run-bench.js";
import { loadBenchDataset } from "../src/io/dataset/read-bench-dataset.js";
import { modelByName } from "../src/models/registry.js";

export interface Table3Timing {
  readonly skipped?: string;
  readonly wallSeconds?: number;
  readonly runs?: number;
  readonly workers?: number;
  /** Per model: CPU-side seconds summed over its runs (as seen by the worker that ran them) and epochs/s per worker. */
  readonly models?: Record<string, { seconds: number; epochsPerSecond: number }>;
  readonly table?: string;
}

export async function benchTable3(): Promise<Table3Timing> {
  const dir = path.resolve(process.cwd(), "../shared/ctar-table3");
  if (!existsSync(dir)) {
    const skipped = `${dir} is absent: Table 3 benchmark skipped`;
    console.log(skipped);
    return { skipped };
  }
  const runs = 50;
  const workers = 2;
  const epochs = 100;
  const names = ["mf", "mf-ips", "cause-ctar"];
  const data = loadBenchDataset(dir);
  // Per-model timing: time each model's jobs separately on the same pool size, so that the
  // epochs/s are per model; the total wall time is their sum.
  const models: Record<string, { seconds: number; epochsPerSecond: number }> = {};
  const results = [];
  const t0 = performance.now();
  for (const name of names) {
    const t = performance.now();
    const r = await runBench(data, { models: [modelByName(name)], runs, seed: 0, epochs, workers }, workerPool);
    const seconds = (performance.now() - t) / 1000;
    models[name] = { seconds, epochsPerSecond: (runs * epochs) / seconds };
    results.push(...r.models);
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const table = formatMarkdown({ seed: 0, runs, epochs, precision: "f32", models: results }, data, "Table 3 reproduction on ../shared/ctar-table3");
  console.log(table);
  console.log(`wall time ${wallSeconds.toFixed(1)} s with ${workers} workers (target < 120 s)`);
  for (const [n, m] of Object.entries(models)) console.log(`  ${n}: ${m.seconds.toFixed(1)} s, ${m.epochsPerSecond.toFixed(1)} epochs/s (${workers} workers)`);
  return { wallSeconds, runs, workers, models, table };
}

// Run directly: node dist/bench/table3.js
if (import.meta.url === `file://${process.argv[1]}`) {
  void benchTable3();
}
