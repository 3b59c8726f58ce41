/**
 * Golden values: expected outputs stored in test/golden/<name>.json and compared with what the
 * code produces now. They are rewritten only when CTAR_UPDATE_GOLDEN=1 is set (after a change to
 * the model that is meant to change the output; say so in the commit); without it a mismatch or a
 * missing file fails, and the values produced are written beside the system's temporary files so
 * that the difference can be inspected.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./paths.js";

export const GOLDEN_DIR = join(REPO, "test/golden");

/** Is this run allowed to rewrite the golden files? */
export function updatingGolden(): boolean {
  return process.env.CTAR_UPDATE_GOLDEN === "1";
}

/** The stored text of a value: JSON, two-space indent, a final newline (stable, diff-friendly). */
function goldenText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Asserts that `actual` equals test/golden/<name>.json (or rewrites the file under
 * CTAR_UPDATE_GOLDEN=1). `dir` is for the test of this helper only.
 */
export function assertGolden(name: string, actual: unknown, dir: string = GOLDEN_DIR): void {
  const file = join(dir, `${name}.json`);
  const text = goldenText(actual);
  if (updatingGolden()) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  const changed = join(tmpdir(), `ctar-golden-${name}.changed.json`);
  if (!existsSync(file)) {
    writeFileSync(changed, text);
    assert.fail(`${file} is missing; the values produced are in ${changed} (run with CTAR_UPDATE_GOLDEN=1 to store them)`);
  }
  const expected: unknown = JSON.parse(readFileSync(file, "utf8"));
  // Compared as parsed JSON, so a value is what a round trip through the file gives.
  const got: unknown = JSON.parse(text);
  try {
    assert.deepEqual(got, expected);
  } catch {
    writeFileSync(changed, text);
    throw new assert.AssertionError({
      message: `${name}: differs from ${file} (values produced: ${changed}; if the change is intended, rerun with CTAR_UPDATE_GOLDEN=1)`,
      actual: got,
      expected,
      operator: "deepStrictEqual",
    });
  }
}
