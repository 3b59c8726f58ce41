/**
 * `ctar bench --out F --predictions`: predictions.csv holds every score the metrics were computed
 * from: recomputing each run's MSE (mean squared error, by hand) and AUC (by brute force over
 * every positive–negative pair, ties counting ½) from the file gives runs.csv's figures; the
 * Parquet form holds the same rows (read back by parquet-wasm); the pool and in-process agree.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import * as arrow from "apache-arrow";
import * as pw from "parquet-wasm/node";
import { ctar, tempDir } from "../helpers/paths.js";
import { writeFixture } from "./fixture.js";

function bruteAuc(s: number[], y: number[]): number | null {
  let pairs = 0;
  let wins = 0;
  for (let i = 0; i < s.length; i++) {
    if (y[i] !== 1) continue;
    for (let j = 0; j < s.length; j++) {
      if (y[j] !== 0) continue;
      pairs++;
      wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return pairs === 0 ? null : wins / pairs;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

test("predictions.csv reproduces runs.csv's metrics; the Parquet form holds the same rows", () => {
  const dir = writeFixture({ truth: true });
  const out = tempDir();
  try {
    const base = ["bench", dir, "--runs", "2", "--epochs", "3", "--models", "mf,mf-ips"];
    let r = ctar([...base, "--workers", "2", "--out", path.join(out, "a"), "--predictions"]);
    assert.equal(r.status, 0, r.stderr);
    r = ctar([...base, "--workers", "1", "--out", path.join(out, "b"), "--predictions", "parquet"]);
    assert.equal(r.status, 0, r.stderr);
    const lines = readFileSync(path.join(out, "a", "predictions.csv"), "utf8").trim().split("\n");
    assert.equal(lines[0], "model,run,test_set,userid,tagid,label,score");
    const groups = new Map<string, { s: number[]; y: number[] }>();
    for (const l of lines.slice(1)) {
      const [model, run, set, , , label, score] = l.split(",");
      const k = `${model},${run},${set}`;
      if (!groups.has(k)) groups.set(k, { s: [], y: [] });
      groups.get(k)!.s.push(Number(score));
      groups.get(k)!.y.push(Number(label));
    }
    assert.equal(groups.size, 2 * 2 * 4);
    const runs = readFileSync(path.join(out, "a", "runs.csv"), "utf8").trim().split("\n");
    const head = runs[0]!.split(",");
    const setOf: Record<string, string> = { I: "test_1", II: "test_2", III: "test_3", all: "test" };
    for (const row of runs.slice(1)) {
      const f = row.split(",");
      for (const [name, file] of Object.entries(setOf)) {
        const g = groups.get(`${f[0]},${f[1]},${file}`)!;
        const mse = g.s.reduce((a, s, i) => a + (s - g.y[i]!) ** 2, 0) / g.s.length;
        assert.ok(close(mse, Number(f[head.indexOf(`${name}_mse`)])), `${row} ${name} mse ${mse}`);
        const k = head.indexOf(`${name}_auc`);
        const auc = bruteAuc(g.s, g.y);
        if (k >= 0 && f[k] !== "") assert.ok(close(auc!, Number(f[k])), `${row} ${name} auc ${auc}`);
      }
    }
    const table = arrow.tableFromIPC(pw.readParquet(readFileSync(path.join(out, "b", "predictions.parquet"))).intoIPCStream());
    assert.equal(table.numRows, lines.length - 1);
    const cols = ["model", "run", "test_set", "userid", "tagid", "label", "score"].map((c) => [...table.getChild(c)!]);
    const fromParquet = cols[0]!.map((_, i) => cols.map((c) => String(c[i])).join(","));
    assert.deepEqual(fromParquet, lines.slice(1), "same rows, same scores, worker pool or not");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--predictions without --out, or in an unknown format, is refused", () => {
  const dir = writeFixture();
  try {
    let r = ctar(["bench", dir, "--runs", "1", "--epochs", "1", "--predictions"]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, "ctar: --predictions: needs --out FOLDER (the predictions are written there)\n");
    r = ctar(["bench", dir, "--runs", "1", "--epochs", "1", "--out", tempDir(), "--predictions", "xlsx"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--predictions: expected csv or parquet \(got 'xlsx'\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
