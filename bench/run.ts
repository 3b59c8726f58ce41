/**
 * `npm run bench`: throughput and peak memory of the generator (default 1,000 × 1,000 and
 * 100,000 × 1,000 on the authors' base data when ../shared/ctar-base exists, else the built-in
 * catalog), each compared with a reference run on the same machine in the same run (the RNG floor,
 * see rng-floor-child.ts) as a ratio; then the Table 3 reproduction of the baselines.
 * Set CTAR_BENCH_QUICK=1 to skip the 100,000-user size and the Table 3 runs.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { benchTable3 } from "./table3.js";

const here = dirname(fileURLToPath(import.meta.url));
const base = resolve(process.cwd(), "../shared/ctar-base");
const catalog = existsSync(base) ? base : "builtin";
const quick = process.env["CTAR_BENCH_QUICK"] === "1";

function child(script: string, args: string[]): Record<string, number | string> {
  const out = execFileSync(process.execPath, [join(here, script), ...args], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number | string>;
}

const sizes: Array<[number, number]> = quick ? [[1000, 1000]] : [[1000, 1000], [100_000, 1000]];
console.log(`# ctar generator benchmark (catalog: ${catalog}; node ${process.version})\n`);
console.log("| users × movies | wall (s) | pairs/s | peak RSS (MB) | RNG floor wall (s) | ratio to floor |");
console.log("|---|---|---|---|---|---|");
const results = [];
for (const [users, movies] of sizes) {
  const g = child("generate-child.js", [String(users), String(movies), catalog, join(tmpdir(), `ctar-bench-${process.pid}`)]);
  const f = child("rng-floor-child.js", [String(users), String(movies)]);
  const ratio = Number(g["wallSeconds"]) / Number(f["wallSeconds"]);
  results.push({ generate: g, floor: f, ratio });
  console.log(
    `| ${users.toLocaleString("en")} × ${movies.toLocaleString("en")} | ${Number(g["wallSeconds"]).toFixed(2)} | ${Math.round(Number(g["pairsPerSecond"])).toLocaleString("en")} | ${Number(g["peakRssMB"]).toFixed(0)} | ${Number(f["wallSeconds"]).toFixed(2)} | ${ratio.toFixed(1)} |`,
  );
}
console.log("\nwall: process start of generation to the dataset written (catalog load, generation, test sets, CSV); peak RSS of that process.");
if (!quick) {
  console.log("\n# Table 3 reproduction (baselines)\n");
  await benchTable3();
}
