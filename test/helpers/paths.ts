/** Paths the tests share: the repo root, the built CLI, and the optional ../shared data. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(import.meta.url), "../../../..");
export const CLI = join(REPO, "dist/src/cli/main.js");
export const SHARED = resolve(REPO, "../shared");
export const CTAR_BASE = join(SHARED, "ctar-base");
export const CTAR_TABLE3 = join(SHARED, "ctar-table3");

/** The reason to skip a test that needs ../shared/<what>, or undefined when it is there. */
export function needShared(path: string): string | undefined {
  return existsSync(path) ? undefined : `${path} is absent (the shared data sits beside the repository on the team's machines)`;
}

export function tempDir(prefix = "ctar-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `ctar` command. */
export function ctar(args: readonly string[], cwd = REPO): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
