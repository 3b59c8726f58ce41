/** The golden-value helper: a mismatch or a missing file fails; only CTAR_UPDATE_GOLDEN=1 rewrites. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { assertGolden } from "../helpers/golden.js";
import { tempDir } from "../helpers/paths.js";

/** Runs `f` with CTAR_UPDATE_GOLDEN set to `value` (or unset), restoring it after. */
function withFlag(value: string | undefined, f: () => void): void {
  const before = process.env.CTAR_UPDATE_GOLDEN;
  if (value === undefined) delete process.env.CTAR_UPDATE_GOLDEN;
  else process.env.CTAR_UPDATE_GOLDEN = value;
  try {
    f();
  } finally {
    if (before === undefined) delete process.env.CTAR_UPDATE_GOLDEN;
    else process.env.CTAR_UPDATE_GOLDEN = before;
  }
}

test("golden values: equal passes, a difference fails and leaves the values produced, a missing file fails", () => {
  const dir = tempDir();
  const file = join(dir, "g.json");
  writeFileSync(file, '{\n  "a": [1, 2]\n}\n');
  withFlag(undefined, () => {
    assertGolden("g", { a: [1, 2] }, dir);
    assert.throws(() => assertGolden("g", { a: [1, 3] }, dir), (e: unknown) => e instanceof assert.AssertionError && /rerun with CTAR_UPDATE_GOLDEN=1/.test(e.message));
    assert.deepEqual(JSON.parse(readFileSync(join(tmpdir(), "ctar-golden-g.changed.json"), "utf8")), { a: [1, 3] });
    assert.throws(() => assertGolden("absent", 1, dir), /absent\.json is missing/);
    assert.ok(!existsSync(join(dir, "absent.json")));
  });
  // Any value other than 1 does not rewrite.
  withFlag("true", () => assert.throws(() => assertGolden("g", { a: [1, 3] }, dir)));
  assert.deepEqual(JSON.parse(readFileSync(file, "utf8")), { a: [1, 2] });
});

test("golden values: CTAR_UPDATE_GOLDEN=1 rewrites the file, which then passes without the flag", () => {
  const dir = tempDir();
  withFlag("1", () => assertGolden("h", { b: "x" }, dir));
  assert.equal(readFileSync(join(dir, "h.json"), "utf8"), '{\n  "b": "x"\n}\n');
  withFlag(undefined, () => assertGolden("h", { b: "x" }, dir));
});
