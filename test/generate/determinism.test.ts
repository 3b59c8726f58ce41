import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, filesOf as files, tempDir } from "../helpers/paths.js";

const args = ["--users", "300", "--movies", "400", "--rct-users", "30", "--test2-draws", "600", "--test2-positives", "180", "--test3-draws", "500", "--test3-positives", "150"];

test("same configuration and seed give byte-identical files; another seed does not", () => {
  const root = tempDir();
  const a = join(root, "a");
  const b = join(root, "b");
  const c = join(root, "c");
  for (const [out, seed] of [[a, "11"], [b, "11"], [c, "12"]] as const) {
    const r = ctar(["generate", "--out", out, "--seed", seed, "--quiet", ...args]);
    assert.equal(r.status, 0, r.stderr);
  }
  const fa = files(a);
  const fb = files(b);
  assert.deepEqual([...fa.keys()], [...fb.keys()]);
  assert.ok(fa.size >= 13, `expected the full layout, got ${[...fa.keys()].join(", ")}`);
  for (const [k, v] of fa) assert.ok(v.equals(fb.get(k)!), `${k} differs between two runs with the same seed`);
  const fc = files(c);
  assert.ok(!fa.get("train/rating.csv")!.equals(fc.get("train/rating.csv")!), "another seed gave the same ratings");
  const cfg = JSON.parse(fa.get("config.json")!.toString()) as { seed: number; version: string; config: { users: number } };
  assert.equal(cfg.seed, 11);
  assert.equal(cfg.config.users, 300);
  assert.match(cfg.version, /^\d+\.\d+\.\d+$/);
});
