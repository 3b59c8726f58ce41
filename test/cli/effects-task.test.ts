import assert from "node:assert/strict";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { taskSource } from "../../src/io/tasks/task-source.js";
import { effectsTask } from "../../src/tasks/effects/effects-task.js";
import type { ReadTable } from "../../src/tasks/task.js";
import { ctar, tempDir } from "../helpers/paths.js";

const dir = join(tempDir(), "ds");
const gen = ctar(["generate", "--out", dir, "--quiet", "--users", "300", "--seed", "5"]);

/** A predictions CSV as the io edge hands it to a task (numeric columns by name, places file:line). */
function csvTable(file: string): ReadTable {
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const head = lines[0]!.split(",");
  const rows = lines.slice(1).map((l) => l.split(","));
  return { file, rows: rows.length, column: (name) => Float64Array.from(rows, (r) => Number(r[head.indexOf(name)])), place: (i) => `${file}:${i + 2}` };
}

test("ctar bench --task effects: every baseline, deterministic ones once, mf-tags over the runs; same seed, same bytes", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const r = ctar(["bench", dir, "--task", "effects", "--runs", "2", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { estimators: { name: string; runs: unknown[] }[] };
  assert.deepEqual(json.estimators.map((e) => [e.name, e.runs.length]), [["zero", 1], ["popularity", 1], ["naive", 1], ["ips-oracle", 1], ["ips-count", 1], ["mf-tags", 2]]);
  const md = ctar(["bench", dir, "--task", "effects", "--runs", "2"]);
  assert.match(md.stdout, /\| zero \| 0\.\d{4} \(n\/a\) \| 0\.\d{4} \(n\/a\) \| 0\.5000 \(n\/a\) \|/);
  assert.equal(ctar(["bench", dir, "--task", "effects", "--runs", "2"]).stdout, md.stdout);
});

test("bench --predictions, then the task's score: the same figures to the last digit", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const out = join(tempDir(), "bench");
  const r = ctar(["bench", dir, "--task", "effects", "--runs", "1", "--models", "popularity,mf-tags", "--out", out, "--predictions"]);
  assert.equal(r.status, 0, r.stderr);
  const bench = JSON.parse(readFileSync(join(out, "bench.json"), "utf8")) as { estimators: { name: string; runs: Record<string, number>[] }[] };
  const all = readFileSync(join(out, "predictions.csv"), "utf8").trimEnd().split("\n");
  return effectsTask.load(taskSource(dir, "score"), {}, 0).then((d) => {
    for (const name of ["popularity", "mf-tags"]) {
      const file = join(tempDir(), `${name}.csv`);
      const rows = all.slice(1).filter((l) => l.startsWith(`${name},0,`)).map((l) => l.split(",").slice(2).join(","));
      writeFileSync(file, ["userid,tagid,tau", ...rows].join("\n") + "\n");
      const scored = effectsTask.score(d, csvTable(file));
      assert.deepEqual(scored.row, bench.estimators.find((e) => e.name === name)!.runs[0], name);
    }
  });
});

test("a folder without truth/user_tag: one message, exit 3, nothing written", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const truth = join(dir, "truth", "user_tag.csv");
  renameSync(truth, truth + ".away");
  try {
    const out = join(tempDir(), "none");
    const r = ctar(["bench", dir, "--task", "effects", "--runs", "1", "--out", out]);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /^ctar: .*no truth\/user_tag/);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  } finally {
    renameSync(truth + ".away", truth);
  }
});

test("blank propensities (R_R without a per-movie law): the oracle is skipped with a warning, the rest runs", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const file = join(dir, "truth", "movie.csv");
  const kept = readFileSync(file, "utf8");
  const lines = kept.trimEnd().split("\n");
  writeFileSync(file, [lines[0], ...lines.slice(1).map((l) => l.replace(/,[^,]*$/, ","))].join("\n") + "\n");
  try {
    const r = ctar(["bench", dir, "--task", "effects", "--models", "naive,ips-oracle", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /warning: .* no truth\/movie propensities: skipped ips-oracle/);
    assert.deepEqual((JSON.parse(r.stdout) as { estimators: { name: string }[] }).estimators.map((e) => e.name), ["naive"]);
  } finally {
    writeFileSync(file, kept);
  }
});
