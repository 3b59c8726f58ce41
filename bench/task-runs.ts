/**
 * Benchmark piece: each research task's default run on the default dataset — `ctar generate --out
 * X`, then `ctar bench X --task ratings --runs 5` (every baseline, 100 epochs, seed 0; the
 * reference table of docs/tasks.md#ratings-debiased-rating-prediction) and `ctar bench X --task
 * effects` (every estimator, 50 runs of mf-tags; docs/tasks-effects.md#reference-table-default-dataset),
 * each in a fresh process. The `tags` task's run is Table 3 (table3.ts). Prints each table and the
 * wall time of each bench (target < 60 s on 2 cores). The ratings and effects benches run in one
 * thread (their runs are not spread over the bench's worker pool, which runs Table-3 models), so
 * `--workers` does not change their time. Called from `npm run bench`; run alone with
 * `node dist/bench/task-runs.js [RUNS_RATINGS [RUNS_EFFECTS]]` (a small check: 1 1).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "../bundle/main.js");

export interface TaskRunTiming {
  readonly task: string;
  readonly command: string;
  readonly wallSeconds: number;
  readonly table: string;
}

/** Times `ctar bench X --task T --runs R` on the default dataset, for each task, in order. */
export function benchTaskRuns(runs: Readonly<Record<"ratings" | "effects", number>> = { ratings: 5, effects: 50 }): TaskRunTiming[] {
  const root = mkdtempSync(join(tmpdir(), "ctar-bench-tasks-"));
  try {
    const data = join(root, "default");
    execFileSync(process.execPath, [CLI, "generate", "--out", data, "--quiet"], { stdio: ["ignore", "ignore", "inherit"] });
    const out: TaskRunTiming[] = [];
    for (const [task, n] of Object.entries(runs)) {
      const args = ["bench", data, "--task", task, "--runs", String(n)];
      const t = performance.now();
      const table = execFileSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
      const wallSeconds = (performance.now() - t) / 1000;
      const command = `ctar bench X --task ${task} --runs ${n}`;
      console.log(`## ${task}\n`);
      console.log(table.split(data).join("the default dataset (ctar generate --out X)"));
      console.log(`wall time ${wallSeconds.toFixed(1)} s for ${command} (target < 60 s)\n`);
      out.push({ task, command, wallSeconds, table });
    }
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Run directly: node dist/bench/task-runs.js [RUNS_RATINGS [RUNS_EFFECTS]]
if (import.meta.url === `file://${process.argv[1]}`) {
  const [r, e] = process.argv.slice(2).map(Number);
  benchTaskRuns({ ratings: r ?? 5, effects: e ?? 50 });
}
