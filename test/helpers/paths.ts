/** Paths the tests share: the repo root, the built CLI, and the optional ../shared data. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(import.meta.url), "../../../..");
/** The command as installed (package.json "bin": the bundle, bundle/build.mjs). */
export const CLI = join(REPO, "dist/bundle/main.js");
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

/** Runs the built `ctar` command without blocking (so a test can run several at once). */
export function ctarAsync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => resolvePromise({ status: code ?? -1, stdout, stderr }));
  });
}

/** Runs async jobs `limit` at a time, keeping their order in the result. */
export async function inBatches<T>(jobs: ReadonlyArray<() => Promise<T>>, limit = 2): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/** Every file under `dir` (relative path → bytes). */
export function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** Asserts two dataset folders hold the same files with the same bytes. */
export function sameFiles(a: string, b: string, what: string): void {
  const fa = filesOf(a);
  const fb = filesOf(b);
  if ([...fa.keys()].join("\n") !== [...fb.keys()].join("\n")) throw new Error(`${what}: the files differ: ${[...fa.keys()].join(", ")} vs ${[...fb.keys()].join(", ")}`);
  for (const [k, v] of fa) if (!v.equals(fb.get(k)!)) throw new Error(`${what}: ${k} differs`);
}
