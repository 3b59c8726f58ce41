/**
 * `npm run bench`: the generator's wall time, throughput and peak RSS (the whole process, workers
 * included) at 1,000, 100,000 and 1,000,000 users × 1,000 movies, with 1 and with 2 worker threads,
 * each in a fresh process (at 1,000,000 alternated over two rounds, the faster run of each
 * compared), against a reference run on the same machine in the same run (the RNG floor,
 * rng-floor-child.ts) as a ratio, and 2 workers against 1; then the Table 3 reproduction of the
 * baselines (the tags task) and the ratings and effects tasks' default runs (task-runs.ts).
 * `npm run bench -- --large` adds 10,000,000 users (2 workers). The catalog is
 * the authors' base data when ../shared/ctar-base exists, else the built-in one.
 * Then ctar's CPU per pair against the C reference (bench/c-reference.ts; skipped with the reason
 * without gcc), and start-up: `node -e 0`, `ctar --version` and the default dataset as whole
 * processes. Every row gives the 1-minute load average it ran under.
 * Set CTAR_BENCH_QUICK=1 to run only the first two sizes and skip Table 3.
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { compileCReference, runCReference } from "./c-reference.js";
import { benchTaskRuns } from "./task-runs.js";
import { benchTable3 } from "./table3.js";

const here = dirname(fileURLToPath(import.meta.url));
const cliPath = join(here, "../bundle/main.js");
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
const load = () => fmt(loadavg()[0]!);
const cpuPerPair: Array<[number, number]> = [];
console.log("| users × movies | workers | wall (s) | pairs/s | CPU (s) | peak RSS (MB) | RNG floor wall (s) | ratio to floor | 1 worker / 2 workers | load |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
// At 1,000,000 users the 1- and 2-worker runs alternate over two rounds: this machine's speed
// moves by tens of percent within minutes, and one pair cannot rank two workers against one.
const roundsOf = (users: number) => (users === 1_000_000 ? 2 : 1);
const pairs: string[] = [];
for (const [users, workerCounts] of sizes) {
  const floor = child("rng-floor-child.js", [String(users), String(movies)]);
  const fw = Number(floor["wallSeconds"]);
  const best: Record<number, { wall: number; cpu: number }> = {};
  for (let round = 0; round < roundsOf(users); round++) {
    const walls: Record<number, number> = {};
    for (const w of workerCounts) {
      const g = child("generate-child.js", [String(users), String(movies), catalog, join(tmpdir(), `ctar-bench-${process.pid}`), String(w)]);
      const wall = Number(g["wallSeconds"]);
      const cpu = Number(g["cpuSeconds"]);
      walls[w] = wall;
      if (best[w] === undefined || wall < best[w].wall) best[w] = { wall, cpu };
      const speedup = w === 2 && walls[1] !== undefined ? fmt(walls[1] / wall) : "";
      console.log(
        `| ${users.toLocaleString("en")} × ${movies.toLocaleString("en")} | ${w} | ${fmt(wall)} | ${Math.round(Number(g["pairsPerSecond"])).toLocaleString("en")} | ${fmt(cpu)} | ${fmt(Number(g["peakRssMB"]), 0)} | ${fmt(fw)} | ${fmt(wall / fw, 1)} | ${speedup} | ${load()} |`,
      );
    }
  }
  const one = best[1];
  const two = best[2];
  if (one !== undefined) cpuPerPair.push([users, (one.cpu * 1e9) / (users * movies)]);
  if (roundsOf(users) > 1 && one !== undefined && two !== undefined) {
    pairs.push(
      `${users.toLocaleString("en")} users, the faster run of each over ${roundsOf(users)} alternated rounds: 1 worker ${fmt(one.wall)} s, 2 workers ${fmt(two.wall)} s (${fmt(one.wall / two.wall)}×), CPU ${fmt(one.cpu)} s against ${fmt(two.cpu)} s (${fmt((100 * (two.cpu - one.cpu)) / one.cpu, 0)}% more with 2).`,
    );
  }
}
for (const line of pairs) console.log(`\n${line}`);
console.log("\nwall: generation in a fresh process to the dataset written (catalog, generation, test sets, every file), without Node's start-up; peak RSS of that process, worker threads included.");
console.log("RNG floor: one 32-bit draw per pair from the same keyed streams, on one thread.");

// ctar's CPU per pair (1 worker, whole generation) against the C reference on the same world.
console.log("\n# CPU per user-movie pair against compiled code (C reference, bench/c-reference/pairs.c)\n");
const cref = compileCReference();
if (cref.skipped !== undefined) console.log(cref.skipped);
else {
  const world = join(tmpdir(), `ctar-bench-world-${process.pid}`);
  execFileSync(process.execPath, [cliPath, "generate", "--out", world, "--quiet", "--force", ...(catalog === "builtin" ? [] : ["--catalog", catalog])]);
  console.log("| users × movies | ctar CPU ns/pair (1 worker) | C ns/pair, draws | C ns/pair, draws + CSV | ctar / (C + CSV) | load |");
  console.log("|---|---|---|---|---|---|");
  for (const [users, ns] of cpuPerPair) {
    const draw = runCReference(cref.binary!, world, users, "draw");
    const enc = runCReference(cref.binary!, world, users, "encode");
    console.log(`| ${users.toLocaleString("en")} × ${movies.toLocaleString("en")} | ${fmt(ns, 1)} | ${fmt(draw.nsPerPair, 1)} | ${fmt(enc.nsPerPair, 1)} | ${fmt(ns / enc.nsPerPair, 1)} | ${load()} |`);
  }
  rmSync(world, { recursive: true, force: true });
  console.log("\nctar: CPU of the whole generation (catalog, users, test sets, every file written, hashes), all threads; C: the per-pair work alone (same draws, rows byte-identical), CSV encoded into memory, no files.");
}

// Start-up: whole processes, median of 5 (3 for the dataset), against `node -e 0`.
console.log("\n# Start-up (whole processes, median wall)\n");
const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
const timeProcess = (args: string[], times: number): number =>
  median(
    Array.from({ length: times }, () => {
      const t = performance.now();
      execFileSync(process.execPath, args, { stdio: "ignore" });
      return (performance.now() - t) / 1000;
    }),
  );
const startDir = join(tmpdir(), `ctar-bench-start-${process.pid}`);
const nodeZero = timeProcess(["-e", "0"], 5);
const version = timeProcess([cliPath, "--version"], 5);
const dataset = timeProcess([cliPath, "generate", "--out", startDir, "--quiet", "--force"], 3);
rmSync(startDir, { recursive: true, force: true });
console.log("| process | wall (s) | ratio to node -e 0 | load |");
console.log("|---|---|---|---|");
console.log(`| node -e 0 | ${fmt(nodeZero, 3)} | 1.0 | ${load()} |`);
console.log(`| ctar --version | ${fmt(version, 3)} | ${fmt(version / nodeZero, 1)} | ${load()} |`);
console.log(`| ctar generate (default dataset, built-in catalog) | ${fmt(dataset, 3)} | ${fmt(dataset / nodeZero, 1)} | ${load()} |`);
if (!quick) {
  console.log("\n# Table 3 reproduction (baselines)\n");
  await benchTable3();
  console.log("\n# Research tasks: ratings and effects (default runs)\n");
  benchTaskRuns();
}
