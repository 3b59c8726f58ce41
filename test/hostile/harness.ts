/**
 * The hostile-input suite's harness: each case runs the built `ctar` as a child process
 * (asynchronously, so a file's cases run in parallel under describe({ concurrency })) and checks
 * the rules every user-caused failure obeys: the documented exit code, one line `ctar: WHERE: …`
 * naming the file:line, option or node (`match`), no stack trace, no internal error, and nothing
 * left behind (no output folder, no `.NAME.tmp-`/`.old-`/`.lock` litter in the folders watched).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readdirSync } from "node:fs";
import { CLI, REPO } from "../helpers/paths.js";

export interface RunResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly uid?: number;
  readonly gid?: number;
  readonly input?: string;
  /** Called with the child once it is running (e.g. to signal it). */
  readonly onSpawn?: (child: import("node:child_process").ChildProcess) => void;
  readonly onStderr?: (text: string, child: import("node:child_process").ChildProcess) => void;
  /** SIGKILL the child after this many milliseconds (a reader that blocks fails the case instead of hanging the suite). */
  readonly timeoutMs?: number;
}

/**
 * With CTAR_HOSTILE_COUNT=FILE set, every invocation appends one line to FILE: `run` for a
 * command run by a case, `failure` for one whose failure rules `expectFailure` checks.
 * test/hostile/count.ts adds the lines up (the suite's size, counted the same way every time).
 */
function tally(kind: "run" | "failure", args: readonly string[]): void {
  const file = process.env.CTAR_HOSTILE_COUNT;
  if (file !== undefined && file !== "") appendFileSync(file, `${kind}\t${args.join(" ")}\n`);
}

export function run(args: readonly string[], o: RunOptions = {}): Promise<RunResult> {
  tally("run", args);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: o.cwd ?? REPO,
      env: { ...process.env, ...(o.env ?? {}) },
      ...(o.uid === undefined ? {} : { uid: o.uid }),
      ...(o.gid === undefined ? {} : { gid: o.gid }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      o.onStderr?.(stderr, child);
    });
    const timer = o.timeoutMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), o.timeoutMs);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    child.stdin.end(o.input ?? "");
    o.onSpawn?.(child);
  });
}

/** Litter a transaction may leave beside a target. */
export function litterIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => /\.(tmp|old)-\d+$|\.lock$|\.lock\.stale-\d+$/.test(n));
}

export interface FailureCase {
  readonly args: readonly string[];
  readonly code: number;
  /** What the one line must say (after `ctar: `). */
  readonly match: RegExp;
  /** Paths that must not exist afterwards (an output that must not be created). */
  readonly absent?: readonly string[];
  /** Folders that must hold no litter afterwards. */
  readonly clean?: readonly string[];
  readonly options?: RunOptions;
  /** Graph-problem lists follow the first line as indented `  - ` lines. */
  readonly listAllowed?: boolean;
}

/** Runs a failure case and checks every rule of the module header. */
export async function expectFailure(c: FailureCase): Promise<RunResult> {
  tally("failure", c.args);
  const r = await run(c.args, c.options);
  const shown = `ctar ${c.args.join(" ")}\n--- stderr:\n${r.stderr}`;
  assert.equal(r.status, c.code, `exit code ${r.status} (expected ${c.code}) for ${shown}`);
  const lines = r.stderr.replace(/\n$/, "").split("\n");
  const extra = lines.slice(1).filter((l) => !(c.listAllowed === true && l.startsWith("  - ")) && !l.startsWith("ctar: warning: ") && !l.startsWith("ctar: note: "));
  assert.deepEqual(extra, [], `expected one line for ${shown}`);
  assert.match(lines[0]!, /^ctar: \S/, `not in ctar's format: ${shown}`);
  assert.match(lines[0]!, c.match, shown);
  assert.doesNotMatch(r.stderr, /\n\s+at |internal error/, `a stack trace or internal error: ${shown}`);
  for (const p of c.absent ?? []) assert.ok(!existsSync(p), `${p} was left behind by ${shown}`);
  for (const d of c.clean ?? []) assert.deepEqual(litterIn(d), [], `litter in ${d} after ${shown}`);
  return r;
}
