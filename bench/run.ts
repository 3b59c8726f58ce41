/**
 * `npm run bench`: the generator's wall time, throughput and peak RSS (the whole process, workers
 * included) at 1,000, 100,000 and 1,000,000 users × 1,000 movies, with 1 and with 2 worker threads,
 * each in a fresh process, against a reference run on the same machine in the same run (the RNG
 * floor, rng-floor-child.ts) as a ratio, and 2 workers against 1; then the Table 3 reproduction
 * of the baselines and the ratings task's default run (ratings-task.ts). `npm run bench -- --large` adds 10,000,000 users (2 workers). The catalog is
 * the authors' base data when ../shared/ctar-base exists, else the built-in one.
 * Set CTAR_BENCH_QUICK=1 to run only the first two sizes and skip Table 3.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchRatingsTask } from "./ratings-task.js";
import { benchTable3 } from "./table3.js";

const here = dirname(fileURLToPath(import.meta.url));
const base = resolve(process.cwd(), "../shared/ctar-base");
const catalog = existsSync(base) ? base : "builtin";
const quick = process.env["CTAR_BENCH_QUICK"] === "1";
const large = process.argv.includes("--large");

function child(script: string, args: string[]): Record<string, number | string> {
  const out = execFileSync(process.execPath, [join(here, script), ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number | string>;
}

const fmt = (x: number, d = 2) => x.toLocaleString("en", { minimumFractionDigits: d, maximumFractionDigits: d });
const sizes: Array<[number, number[]]> = [
  [1000, [1, 2]],
  [100_000, [1, 2]],
  ...(quick ? [] : ([[1_000_000, [1, 2]]] as Array<[number, number[]]>)),
  ...(large ? ([[10_000_000, [2]]] as Array<[number, number[]]>) : []),
];
const movies = 1000;
console.log(`# ctar generator benchmark (catalog: ${catalog}; node ${process.version})\n`);
console.log("| users × movies | workers | wall (s) | pairs/s | peak RSS (MB) | RNG floor wall (s) | ratio to floor | 1 worker / 2 workers |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [users, workerCounts] of sizes) {
  const floor = child("rng-floor-child.js", [String(users), String(movies)]);
  const fw = Number(floor["wallSeconds"]);
  const walls: Record<number, number> = {};
  for (const w of workerCounts) {
    const g = child("generate-child.js", [String(users), String(movies), catalog, join(tmpdir(), `ctar-bench-${process.pid}`), String(w)]);
    const wall = Number(g["wallSeconds"]);
    walls[w] = wall;
    const speedup = w === 2 && walls[1] !== undefined ? fmt(walls[1] / wall) : "";
    console.log(
      `| ${users.toLocaleString("en")} × ${movies.toLocaleString("en")} | ${w} | ${fmt(wall)} | ${Math.round(Number(g["pairsPerSecond"])).toLocaleString("en")} | ${fmt(Number(g["peakRssMB"]), 0)} | ${fmt(fw)} | ${fmt(wall / fw, 1)} | ${speedup} |`,
    );
  }
}
console.log("\nwall: generation in a fresh process to the dataset written (catalog, generation, test sets, every file), without Node's start-up; peak RSS of that process, worker threads included.");
console.log("RNG floor: one 32-bit draw per pair from the same keyed streams, on one thread.");
if (!quick) {
  console.log("\n# Table 3 reproduction (baselines)\n");
  await benchTable3();
  console.log("\n# Research task: ratings (default run)\n");
  benchRatingsTask();
}
