/**
 * The hostile suite's size, counted one way every time: runs each hostile test file (one at a
 * time, as `node --test FILE`) with CTAR_HOSTILE_COUNT set, so that harness.ts appends a line per
 * command a case runs, and reports per file and in total:
 *   cases     — test cases (`it`) the runner reports,
 *   checked   — command runs whose failure rules expectFailure checks (exit code, one ctar: line,
 *               no stack trace, nothing left behind): the issue's unit of "a hostile case",
 *   runs      — every command run through the harness (checked ones, and runs whose exit code and
 *               output a case asserts itself),
 * with pass/fail and wall time. A failing or skipped case still counts its runs.
 *
 * Usage (after `npx tsc -p tsconfig.json`): node dist/test/hostile/count.js --run [FILE.test.js…]
 * Without --run it does nothing (the test runner loads every file under dist/test/).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** What each file hostiles, for the per-class summary. */
const CLASS: Record<string, string> = {
  "blocking.test.js": "readers",
  "readers.test.js": "readers",
  "datasets.test.js": "readers",
  "parquet.test.js": "readers",
  "parts.test.js": "readers",
  "kinds.test.js": "readers",
  "files.test.js": "configs, graphs, modules",
  "outputs.test.js": "writers",
  "replace.test.js": "writers",
  "targets.test.js": "writers",
  "values.test.js": "values",
  "agree.test.js": "values",
  "numbers.test.js": "options",
  "options.test.js": "options",
  "usage.test.js": "options",
  "mechanisms.test.js": "modules",
  "crash.test.js": "signals",
};

interface Row {
  file: string;
  cases: number;
  pass: number;
  fail: number;
  skipped: number;
  checked: number;
  runs: number;
  seconds: number;
  /** Names of the failing cases (the runner's `not ok` lines). */
  failing: string[];
}

function countFile(path: string): Row {
  const dir = mkdtempSync(join(tmpdir(), "ctar-hostile-count-"));
  const log = join(dir, "log");
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--test", path], { encoding: "utf8", env: { ...process.env, CTAR_HOSTILE_COUNT: log }, maxBuffer: 1 << 28 });
  const seconds = (Date.now() - t0) / 1000;
  let lines: string[] = [];
  try {
    lines = readFileSync(log, "utf8").split("\n").filter((l) => l !== "");
  } catch {
    // no command run
  }
  rmSync(dir, { recursive: true, force: true });
  const n = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, "m").exec(r.stdout)?.[1] ?? 0);
  return {
    file: basename(path),
    cases: n("tests"),
    pass: n("pass"),
    fail: n("fail") + n("cancelled"),
    skipped: n("skipped"),
    checked: lines.filter((l) => l.startsWith("failure\t")).length,
    runs: lines.filter((l) => l.startsWith("run\t")).length,
    seconds,
    failing: [...r.stdout.matchAll(/^ {4}not ok \d+ - (.*)$/gm)].map((m) => m[1]!),
  };
}

if (process.argv.includes("--run")) {
  const here = dirname(fileURLToPath(import.meta.url));
  const given = process.argv.slice(2).filter((a) => a !== "--run");
  const files = given.length > 0 ? given : readdirSync(here).filter((f) => f.endsWith(".test.js")).sort().map((f) => join(here, f));
  const rows: Row[] = [];
  console.log("| file | class | cases | pass | fail | skipped | checked runs | all runs | seconds |");
  console.log("|---|---|--:|--:|--:|--:|--:|--:|--:|");
  for (const f of files) {
    const row = countFile(f);
    rows.push(row);
    console.log(`| ${row.file} | ${CLASS[row.file] ?? "other"} | ${row.cases} | ${row.pass} | ${row.fail} | ${row.skipped} | ${row.checked} | ${row.runs} | ${row.seconds.toFixed(0)} |`);
    for (const name of row.failing) console.log(`|   failing: ${name} | | | | | | | | |`);
  }
  const sum = (k: keyof Row) => rows.reduce((s, r) => s + (r[k] as number), 0);
  console.log(`| total | | ${sum("cases")} | ${sum("pass")} | ${sum("fail")} | ${sum("skipped")} | ${sum("checked")} | ${sum("runs")} | ${sum("seconds").toFixed(0)} |`);
  const byClass = new Map<string, number>();
  for (const r of rows) byClass.set(CLASS[r.file] ?? "other", (byClass.get(CLASS[r.file] ?? "other") ?? 0) + r.runs);
  console.log(`\nruns per class: ${[...byClass].map(([c, k]) => `${c} ${k}`).join(", ")}`);
}
