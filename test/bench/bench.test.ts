import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { formatCsv, formatJson, formatMarkdown } from "../../src/bench/format.js";
import { workerPool } from "../../src/io/bench/bench-pool.js";
import { runBench } from "../../src/bench/run-bench.js";
import { loadBenchDataset } from "../../src/io/dataset/read-bench-dataset.js";
import type { Model } from "../../src/models/model.js";
import { BUILTIN_MODELS } from "../../src/models/registry.js";
import { writeFixture } from "./fixture.js";

const MAIN = path.resolve(process.cwd(), "dist/bundle/main.js");
const ctar = (args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });

test("fixture: sizes come from the data; population pairs = users × catalog tags", () => {
  const dir = writeFixture({ truth: true });
  try {
    const d = loadBenchDataset(dir);
    assert.equal(d.users, 12);
    assert.equal(d.tags, 9);
    assert.equal(d.truth?.n, 12 * 9);
    // (u + t) % 3 === 0 holds for exactly 3 of the 9 tags of every user
    let pos = 0;
    for (let i = 0; i < d.truth!.n; i++) pos += d.truth!.label[i]!;
    assert.equal(pos, 12 * 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every built-in model trains on the fixture and the population metrics are printed beside the test sets", async () => {
  const dir = writeFixture({ truth: true });
  try {
    const d = loadBenchDataset(dir);
    const r = await runBench(d, { models: BUILTIN_MODELS, runs: 2, seed: 3, epochs: 3, workers: 1 });
    for (const m of r.models) {
      assert.equal(m.runs.length, 2);
      const pop = m.summary.population!;
      assert.ok(pop.mse !== null && Number.isFinite(pop.mse.mean), `${m.name}: population MSE`);
      assert.ok(pop.auc !== null && pop.auc.mean >= 0 && pop.auc.mean <= 1, `${m.name}: population AUC`);
      assert.equal(m.summary.I!.auc, null, "Test I is one-class: no AUC");
    }
    const md = formatMarkdown(r, d, "t");
    assert.match(md, /\| model \| I MSE \| II MSE \| II AUC \| III MSE \| III AUC \| all MSE \| all AUC \| pop\. MSE \| pop\. AUC \|/);
    assert.doesNotMatch(md, /population metrics skipped/);
    assert.match(formatCsv(r, d).split("\n")[0]!, /population_mse,population_auc$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("without truth/ the bench says population metrics are skipped", async () => {
  const dir = writeFixture();
  try {
    const d = loadBenchDataset(dir);
    const r = await runBench(d, { models: BUILTIN_MODELS.slice(0, 1), runs: 1, seed: 0, epochs: 1, workers: 1 });
    const md = formatMarkdown(r, d, "t");
    assert.match(md, /no truth\/ folder: population metrics skipped/);
    assert.doesNotMatch(md, /pop\. MSE/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the output is byte-identical for 1 and 3 workers (run order aggregation, keyed streams)", async () => {
  const dir = writeFixture({ truth: true });
  try {
    const d = loadBenchDataset(dir);
    const config = { models: BUILTIN_MODELS, runs: 3, seed: 11, epochs: 4 };
    const one = await runBench(d, { ...config, workers: 1 });
    const three = await runBench(d, { ...config, workers: 3 }, workerPool);
    assert.equal(formatJson(three, d, "x"), formatJson(one, d, "x"));
    assert.equal(formatCsv(three, d), formatCsv(one, d));
    // and a different seed changes the figures (the test can fail)
    const other = await runBench(d, { ...config, seed: 12, workers: 1 });
    assert.notEqual(formatCsv(other, d), formatCsv(one, d));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a user's own Model plugs into the bench (runs in-process even with workers)", async () => {
  const dir = writeFixture();
  try {
    const d = loadBenchDataset(dir);
    const constant: Model<{ value: number }> = {
      name: "constant",
      description: "predicts a constant",
      defaults: { value: 0.25 },
      train: (_data, o) => ({ predict: (_u, _t, out) => out.fill(o.value) }),
    };
    const r = await runBench(d, { models: [constant as unknown as Model], runs: 2, seed: 0, epochs: 1, workers: 2 }, workerPool);
    // Test I is all positive: MSE = (0.25 − 1)² = 0.5625; a constant ranks nothing: AUC ½
    assert.equal(r.models[0]!.summary.I!.mse!.mean, 0.5625);
    assert.equal(r.models[0]!.summary.II!.auc!.mean, 0.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("CLI: bench prints the table, writes --out files, --json is parseable", () => {
  const dir = writeFixture();
  const out = path.join(dir, "out");
  try {
    const r = ctar(["bench", dir, "--models", "mf,cause-ctar", "--runs", "2", "--epochs", "2", "--workers", "2", "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\| mf \| /);
    assert.match(r.stdout, /no truth\/ folder: population metrics skipped/);
    assert.equal(readFileSync(path.join(out, "bench.md"), "utf8"), r.stdout);
    assert.equal(readFileSync(path.join(out, "runs.csv"), "utf8").trim().split("\n").length, 1 + 2 * 2);
    const j = JSON.parse(execFileSync(process.execPath, [MAIN, "bench", dir, "--models", "mf", "--runs", "1", "--epochs", "1", "--json"], { encoding: "utf8" }));
    assert.equal(j.models[0].name, "mf");
    assert.equal(j.models[0].runs.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("CLI: bad input gives one clear message and a non-zero exit", () => {
  const dir = writeFixture();
  try {
    let r = ctar(["bench", path.join(dir, "nope")]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /^ctar: bench: dataset folder not found/);
    r = ctar(["bench", dir, "--models", "mf,foo"]);
    assert.match(r.stderr, /^ctar: --models: unknown model 'foo' \(expected one of mf, mf-ips/);
    r = ctar(["bench", dir, "--runs", "0"]);
    assert.match(r.stderr, /^ctar: --runs: expected an integer ≥ 1/);
    writeFileSync(path.join(dir, "train", "obstag.csv"), "userid,movieid,tagid\n0,1,x\n");
    r = ctar(["bench", dir]);
    assert.match(r.stderr, /^ctar: .*obstag\.csv:2: column 'tagid' is not an integer/);
    rmSync(path.join(dir, "test", "test_2.csv"));
    writeFileSync(path.join(dir, "train", "obstag.csv"), "userid,movieid,tagid\n0,1,3\n");
    r = ctar(["bench", dir]);
    assert.match(r.stderr, /^ctar: .*test_2\.csv: file not found/);
    for (const x of [r]) assert.doesNotMatch(x.stderr, /at .*\.js:\d+/, "no stack trace");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
