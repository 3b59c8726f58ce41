/**
 * The part manifest and its checks (src/io/run/parts.ts), called directly on parts written by
 * `ctar generate --shard I/N` and then damaged one way each: every damage is one InputError naming
 * the part; the undamaged parts merge to the one-machine bytes (the merge itself is covered at
 * more shard counts by test/generate/parallel.test.ts).
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { InputError } from "../../../src/errors/errors.js";
import { mergeParts, PART_FILE } from "../../../src/io/run/parts.js";
import { ctar, sameFiles, tempDir } from "../../helpers/paths.js";

const ARGS = ["--users", "120", "--movies", "60", "--rct-users", "10", "--test2-draws", "40", "--test2-positives", "12", "--test3-draws", "30", "--test3-positives", "9", "--quiet"];
let root = "";
const part = (i: number) => join(root, `p${i}`);

before(() => {
  root = tempDir("ctar-parts-");
  for (let i = 0; i < 2; i++) {
    const r = ctar(["generate", "--out", part(i), "--shard", `${i}/2`, "--workers", "1", ...ARGS]);
    assert.equal(r.status, 0, r.stderr);
  }
  const r = ctar(["generate", "--out", join(root, "single"), ...ARGS]);
  assert.equal(r.status, 0, r.stderr);
});

/** A copy of part i, damaged by `damage`. */
function damaged(i: number, name: string, damage: (dir: string) => void): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(part(i), dir, { recursive: true });
  damage(dir);
  return dir;
}

async function refused(dirs: string[], re: RegExp): Promise<void> {
  const out = tempDir("ctar-merge-");
  await assert.rejects(mergeParts(dirs, out, {}), (e: unknown) => e instanceof InputError && re.test(e.message) && !e.message.includes("\n"));
}

test("mergeParts: the two parts, in either order, give the one-machine dataset", async () => {
  const out = join(tempDir("ctar-merge-"), "d");
  const { users } = await mergeParts([part(1), part(0)], out, {});
  assert.equal(users, 120);
  sameFiles(join(root, "single"), out, "merged parts");
});

test("mergeParts: each damaged part is refused, naming it", async () => {
  const edit = (f: (m: Record<string, unknown>) => void) => (dir: string) => {
    const file = join(dir, PART_FILE);
    const m = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    f(m);
    writeFileSync(file, JSON.stringify(m));
  };
  await refused([part(0), damaged(1, "edited", edit((m) => ((m["run"] as { config: { seed: number } }).config.seed = 1)))], /edited[/\\]part\.json: its contents do not match the digest the shard run recorded/);
  await refused([part(0), damaged(1, "old", edit((m) => (m["version"] = "0.0.1")))], /old: written by ctar 0\.0\.1, this is ctar /);
  await refused([part(0), damaged(1, "other", edit((m) => (m["kind"] = "dataset")))], /other[/\\]part\.json: not a ctar part manifest/);
  await refused([part(0), damaged(1, "broken", (d) => writeFileSync(join(d, PART_FILE), "{"))], /broken[/\\]part\.json: not valid JSON/);
  await refused([part(0), damaged(1, "none", (d) => rmSync(join(d, PART_FILE)))], /none: not a part \(no part\.json/);
  await refused([part(0), join(root, "absent")], /absent: no such folder/);
  await refused([part(0), damaged(1, "short", (d) => truncateSync(join(d, "rating-counts.bin"), 4))], /short[/\\]rating-counts\.bin: its SHA-256 differs from the one part\.json records/);
  await refused([part(0), damaged(1, "missing", (d) => rmSync(join(d, "train/rating.csv")))], /missing: train\/rating\.csv is missing \(an incomplete part\)/);
  await refused([], /^merge: no parts given$/);
  await refused([part(0)], /^merge: shard 1 of 2 missing \(got 1 part\)$/);
});
