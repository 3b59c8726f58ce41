/**
 * The Python package's tests (python/tests, pytest) as part of `npm test`: run with Debian's
 * Python (/usr/bin/python3, where python3-pandas, python3-pytest and python3-torch install;
 * `.ci/run` installs them), against the ctar just built in dist/. Skipped, saying why, when that
 * Python, pandas or pytest is missing; a test of the suite that needs a missing package (torch,
 * pyarrow, build) skips itself and is listed here.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, REPO } from "../helpers/paths.js";

const PYTHON = "/usr/bin/python3";

function missing(): string | undefined {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent (Debian: apt install python3)`;
  const probe = spawnSync(PYTHON, ["-c", "import pandas, pytest"], { encoding: "utf8" });
  if (probe.status !== 0) return `${PYTHON} lacks pandas or pytest (Debian: apt install python3-pandas python3-pytest): ${probe.stderr.trim().split("\n").pop()}`;
  return undefined;
}

const reason = missing();

test("python/tests pass (pytest, Debian's Python)", { skip: reason ?? false }, (t) => {
  const r = spawnSync(PYTHON, ["-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", join(REPO, "python/tests")], {
    cwd: REPO,
    encoding: "utf8",
    // the ctar of this clone, whatever ctar the environment names
    env: { ...process.env, CTAR_CLI: CLI, PYTHONDONTWRITEBYTECODE: "1" },
  });
  for (const line of r.stdout.split("\n")) if (/^SKIPPED|passed|failed/.test(line)) t.diagnostic(line);
  assert.equal(r.status, 0, `pytest failed:\n${r.stdout.slice(-6000)}\n${r.stderr.slice(-2000)}`);
});
