/**
 * An embedded mechanism module that imports from "ctar" (as README's modules do) still runs when
 * its file is gone: its copy is placed where `import "ctar"` resolves to the running ctar.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { REPO, ctarAsync, sameFiles, tempDir } from "../../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "100", "--test2-draws", "100", "--test2-positives", "30", "--test3-draws", "80", "--test3-positives", "20"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };

const scratchFolders = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith("ctar-modules-")));

test("regenerate and verify run an embedded module that imports from 'ctar', outside any ctar project, and leave no scratch folder", async () => {
  const root = tempDir();
  // a project of the user's: ctar installed (here: linked), the example folder copied in
  mkdirSync(join(root, "node_modules"));
  symlinkSync(REPO, join(root, "node_modules", "ctar"), "dir");
  cpSync(join(REPO, "examples/exposure-bias"), join(root, "exposure-bias"), { recursive: true });
  const before = scratchFolders();
  const gen = await ctarAsync(["generate", "--out", join(root, "a"), "--quiet", "--graph", join(root, "exposure-bias/graph.yaml"), ...SMALL], { cwd: root, env: ENV });
  assert.equal(gen.status, 0, gen.stderr);
  // the module is gone: only config.json's embedded copy is left, in a folder with no ctar above it
  rmSync(join(root, "exposure-bias"), { recursive: true });
  rmSync(join(root, "node_modules"), { recursive: true });
  const again = await ctarAsync(["regenerate", join(root, "a"), "--out", join(root, "b"), "--quiet"], { cwd: root, env: ENV });
  assert.equal(again.status, 0, again.stderr);
  sameFiles(join(root, "a"), join(root, "b"), "regenerate from the embedded module");
  const verify = await ctarAsync(["verify", join(root, "a")], { cwd: root, env: ENV });
  assert.equal(verify.status, 0, verify.stderr);
  const ope = await ctarAsync(["ope", join(root, "a"), "--policy", "popularity"], { cwd: root, env: ENV });
  assert.equal(ope.status, 0, ope.stderr);
  const left = [...scratchFolders()].filter((f) => !before.has(f));
  assert.deepEqual(left, [], "no scratch folder left behind");
  assert.ok(existsSync(join(REPO, "package.json")), "the link's removal left ctar itself alone");
});
