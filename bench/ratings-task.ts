/**
 * Benchmark piece: the ratings task's default run (docs/tasks.md#ratings-debiased-rating-prediction) on the default dataset —
 * `ctar generate --out X`, then `ctar bench X --task ratings --runs 5` (every baseline, 100
 * epochs, seed 0), each in a fresh process. Prints the table and the wall time of the bench
 * (target < 60 s on 2 cores). Called from `npm run bench`; run alone with
 * `node dist/bench/ratings-task.js [RUNS]`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "../src/cli/main.js");

export function benchRatingsTask(runs = 5): { wallSeconds: number; table: string } {
  const root = mkdtempSync(join(tmpdir(), "ctar-bench-ratings-"));
  try {
    const data = join(root, "default");
    execFileSync(process.execPath, [CLI, "generate", "--out", data, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
    const t = performance.now();
    const table = execFileSync(process.execPath, [CLI, "bench", data, "--task", "ratings", "--runs", String(runs)], { encoding: "utf8", maxBuffer: 1 << 24 });
    const wallSeconds = (performance.now() - t) / 1000;
    console.log(table.replace(data, "the default dataset (ctar generate --out X)"));
    console.log(`wall time ${wallSeconds.toFixed(1)} s for ctar bench X --task ratings --runs ${runs} (target < 60 s)`);
    return { wallSeconds, table };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Run directly: node dist/bench/ratings-task.js [RUNS]
if (import.meta.url === `file://${process.argv[1]}`) {
  benchRatingsTask(process.argv[2] === undefined ? 5 : Number(process.argv[2]));
}
