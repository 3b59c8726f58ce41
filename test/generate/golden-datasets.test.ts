/**
 * The datasets ctar writes are pinned by the sha256 of every data file (train/, test/, truth/),
 * stored in test/golden/ and rewritten only under CTAR_UPDATE_GOLDEN=1: a refactoring must leave
 * them byte-identical, a change of the model must say so by updating them. The metadata files
 * (config.json, README.md, croissant.json) carry the version and the card's wording and are
 * checked by their own tests.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertGolden } from "../helpers/golden.js";
import { ctar, filesOf, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "300", "--movies", "400", "--rct-users", "30", "--test2-draws", "600", "--test2-positives", "180", "--test3-draws", "500", "--test3-positives", "150"];

/** sha256 of each data file of a generated dataset, by path. */
function dataHashes(args: readonly string[]): Record<string, string> {
  const out = join(tempDir("ctar-golden-"), "d");
  const r = ctar(["generate", "--out", out, "--quiet", ...args]);
  assert.equal(r.status, 0, r.stderr);
  const hashes: Record<string, string> = {};
  for (const [name, bytes] of filesOf(out)) {
    if (/^(train|test|truth)\//.test(name)) hashes[name] = createHash("sha256").update(bytes).digest("hex");
  }
  return hashes;
}

test("the default dataset (ctar generate --out D) is pinned", () => {
  assertGolden("default-dataset", dataHashes([]));
});

test("a small dataset and its reference-compatible twin are pinned", () => {
  assertGolden("small-dataset", { default: dataHashes(["--seed", "11", ...SMALL]), reference: dataHashes(["--seed", "11", "--compat", "reference", ...SMALL]) });
});
