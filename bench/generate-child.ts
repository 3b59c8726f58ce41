/**
 * One timed generation in a fresh process (so peak RSS is this run's alone): generates and
 * writes a dataset, then prints one JSON line with wall seconds, pairs per second and peak RSS.
 * Usage: node dist/bench/generate-child.js <users> <movies> <catalog> <outDir>
 */
import { rmSync } from "node:fs";
import { parseCtarConfig } from "../src/config/parse-config.js";
import { generateDataset } from "../src/generate/generate.js";
import { writeDirAtomically } from "../src/io/atomic-dir.js";
import { resolveCatalog } from "../src/io/resolve-catalog.js";
import { writeDataset } from "../src/io/write-dataset.js";

const [users, movies, catalog, out] = process.argv.slice(2) as [string, string, string, string];
const t0 = performance.now();
const config = parseCtarConfig({ users: Number(users), movies: Number(movies), catalog });
const dataset = generateDataset(config, resolveCatalog(config));
await writeDirAtomically(out, true, (tmp) => {
  writeDataset(tmp, dataset);
});
const wall = (performance.now() - t0) / 1000;
rmSync(out, { recursive: true, force: true });
const pairs = config.users * config.movies;
process.stdout.write(`${JSON.stringify({ users: config.users, movies: config.movies, catalog: config.catalog, wallSeconds: wall, pairsPerSecond: pairs / wall, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
