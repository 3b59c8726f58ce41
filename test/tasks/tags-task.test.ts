/**
 * The tags task (Table 3) through the task commands: `score` on the scores `bench --predictions`
 * wrote gives the bench's test-set figures exactly, from the dataset and from a task folder.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";

function ok(args: string[]): string {
  const r = ctar(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

test("score on the tags task reproduces bench's Table-3 figures", () => {
  const root = tempDir();
  const data = join(root, "d");
  ok(["generate", "--out", data, "--users", "150", "--movies", "80", "--quiet"]);
  const bench = JSON.parse(ok(["bench", data, "--models", "mf", "--runs", "1", "--epochs", "2", "--out", join(root, "b"), "--predictions", "--json"])) as {
    models: { runs: Record<string, { mse: number | null; auc: number | null }>[] }[];
  };
  // run 0's scores, one row per (user, tag): a pair in several test sets has the same score
  const seen = new Set<string>();
  const rows = ["userid,tagid,score"];
  for (const line of readFileSync(join(root, "b", "predictions.csv"), "utf8").trimEnd().split("\n").slice(1)) {
    const [, , , u, t, , s] = line.split(",");
    if (!seen.has(`${u},${t}`)) rows.push(`${u},${t},${s}`);
    seen.add(`${u},${t}`);
  }
  const file = join(root, "scores.csv");
  writeFileSync(file, rows.join("\n") + "\n");
  ok(["task", "tags", data, "--out", join(root, "t")]);
  const want = bench.models[0]!.runs[0]!;
  for (const dir of [data, join(root, "t")]) {
    const got = (JSON.parse(ok(["score", dir, "--task", "tags", "--predictions", file, "--json"])) as { metrics: Record<string, number | null> }).metrics;
    for (const set of ["I", "II", "III", "all"]) {
      assert.equal(got[`${set}_mse`], want[set]!.mse, `${dir}: ${set} MSE`);
      if (set !== "I") assert.equal(got[`${set}_auc`], want[set]!.auc, `${dir}: ${set} AUC`); // Test I is all positive: no AUC
    }
    assert.equal(got["population_mse"], null, "the file scores the test pairs only");
  }
});
