/**
 * validate and export stream: on the default 1,000 × 1,000 dataset with --truth full, whose
 * truth/full.csv.gz holds about 53 MB of text, both run with a 48 MB JavaScript heap, in which
 * that text alone (one byte per character) would not fit.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { CLI, ctar, tempDir } from "../helpers/paths.js";

test("validate and export --to logged-feedback run in a 48 MB heap on a 53 MB truth file", () => {
  const root = tempDir();
  const dir = join(root, "ds");
  let r = ctar(["generate", "--out", dir, "--quiet", "--truth", "full"]);
  assert.equal(r.status, 0, r.stderr);
  r = ctar(["card", dir]);
  assert.equal(r.status, 0, r.stderr);
  const text = gunzipSync(readFileSync(join(dir, "truth/full.csv.gz"))).length;
  assert.ok(text > 48 * 2 ** 20, `truth/full.csv.gz holds ${text} bytes of text`);
  const small = (args: string[]) => spawnSync(process.execPath, ["--max-old-space-size=48", CLI, ...args], { encoding: "utf8" });
  const v = small(["validate", dir]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  const e = small(["export", dir, "--to", "logged-feedback", "--out", join(root, "lf"), "--quiet"]);
  assert.equal(e.status, 0, e.stderr);
});
