/** What the commands print is what they did: the --quiet help, and no sd over a single bench run. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";

test("generate --help says that --quiet still prints warnings", () => {
  const r = ctar(["generate", "--help"]);
  assert.equal(r.status, 0);
  const quiet = r.stdout.replace(/\s+/g, " ").match(/--quiet (.*?) --/)?.[1] ?? "";
  assert.match(quiet, /warnings and errors still go to stderr/);
});

test("bench --runs 1 prints n/a for the sd, --runs 2 a measured sd", () => {
  const dir = join(tempDir(), "d");
  const small = ["--users", "120", "--movies", "80", "--rct-users", "20", "--rct-movies", "5", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60"];
  assert.equal(ctar(["generate", "--out", dir, "--quiet", ...small]).status, 0);
  const one = ctar(["bench", dir, "--models", "mf", "--runs", "1", "--epochs", "1", "--workers", "1"]);
  assert.equal(one.status, 0, one.stderr);
  const row = one.stdout.split("\n").find((l) => l.startsWith("| mf |"))!;
  assert.match(row, /\(n\/a\)/);
  assert.doesNotMatch(row, /\(\d\.\d{4}\)/);
  assert.match(one.stdout, /one run: its figures \(no sd\)/);
  // the JSON says so too: a null sd, not a measured-looking 0
  const json = ctar(["bench", dir, "--models", "mf", "--runs", "1", "--epochs", "1", "--workers", "1", "--json"]);
  assert.equal(json.status, 0, json.stderr);
  const sds = [...json.stdout.matchAll(/"sd": ([^,\n}]+)/g)].map((m) => m[1]);
  assert.ok(sds.length > 0, "the JSON has sd fields");
  assert.deepEqual([...new Set(sds)], ["null"]);
  const two = ctar(["bench", dir, "--models", "mf", "--runs", "2", "--epochs", "1", "--workers", "1"]);
  assert.match(two.stdout.split("\n").find((l) => l.startsWith("| mf |"))!, /\(\d\.\d{4}\)/);
});
