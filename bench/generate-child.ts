/**
 * One timed generation in a fresh process (so peak RSS is this run's alone, workers included):
 * writes a dataset exactly as `ctar generate` does, then prints one JSON line with wall seconds,
 * pairs per second and peak RSS.
 * Usage: node dist/bench/generate-child.js <users> <movies> <catalog> <outDir> <workers>
 * (workers: a number, as `--workers N`)
 */
import { rmSync } from "node:fs";
import { parseCtarConfig } from "../src/config/parse-config.js";
import { writeDirAtomically } from "../src/io/fs/atomic-dir.js";
import { generateInto } from "../src/io/run/generate-run.js";
import { runInputsFromOptions } from "../src/io/run/run-inputs.js";

const [users, movies, catalog, out, workers] = process.argv.slice(2) as [string, string, string, string, string];
const t0 = performance.now();
const config = parseCtarConfig({ users: Number(users), movies: Number(movies), catalog });
const inputs = await runInputsFromOptions(config, undefined, [], "basic");
await writeDirAtomically(out, true, async (tmp) => {
  await generateInto(tmp, inputs, { workers: Number(workers ?? 1) });
});
const wall = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
const pairs = config.users * config.movies;
process.stdout.write(`${JSON.stringify({ users: config.users, movies: config.movies, catalog: config.catalog, workers: Number(workers ?? 1), wallSeconds: wall, pairsPerSecond: pairs / wall, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
