/** examples/policies/item-mean.mjs writes a policy file that `ctar ope` evaluates. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO, ctar, tempDir } from "../helpers/paths.js";

test("the item-mean example policy runs end to end", () => {
  const root = tempDir();
  const dir = join(root, "d");
  const small = ["--users", "100", "--movies", "120", "--rct-users", "10", "--test2-draws", "100", "--test2-positives", "30", "--test3-draws", "100", "--test3-positives", "30"];
  assert.equal(ctar(["generate", "--out", dir, "--quiet", ...small]).status, 0);
  const file = join(root, "item-mean.csv");
  const r = spawnSync(process.execPath, [join(REPO, "examples/policies/item-mean.mjs"), dir, file, "--per-user", "20"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(file, "utf8").trim().split("\n").length, 1 + 100 * 20);
  const o = ctar(["ope", dir, "--policy", file, "--k", "10", "--json"]);
  assert.equal(o.status, 0, o.stderr);
  const v = JSON.parse(o.stdout) as { users: number; pairs: number; true_value: number };
  assert.equal(v.users, 100);
  assert.equal(v.pairs, 1000);
  assert.ok(v.true_value >= 1 && v.true_value <= 5);
});
