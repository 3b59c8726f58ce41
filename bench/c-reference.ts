/**
 * The C reference of the generator benchmark (bench/c-reference/pairs.c): compiled with the
 * machine's `gcc` when there is one, and run on a dataset ctar wrote, so that ctar's CPU time per
 * user-movie pair can be given as a ratio to compiled code doing the same work (the same draws:
 * its rows are ctar's byte for byte, test/bench/c-reference.test.ts). Without gcc, every call says
 * why it was skipped instead.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The C source, in the repository (dist/bench/ → bench/c-reference/pairs.c). */
export const C_SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), "../../bench/c-reference/pairs.c");

export interface CReference {
  /** Why there is no C reference on this machine, when there is none. */
  readonly skipped?: string;
  /** Path of the compiled program. */
  readonly binary?: string;
}

/** Compiles pairs.c with `gcc -O2` into a temporary folder, or says why it cannot. */
export function compileCReference(): CReference {
  const which = spawnSync("gcc", ["--version"], { encoding: "utf8" });
  if (which.error !== undefined || which.status !== 0) return { skipped: "gcc is not installed: the C reference is skipped (apt-get install gcc)" };
  const binary = join(mkdtempSync(join(tmpdir(), "ctar-cref-")), "pairs");
  const built = spawnSync("gcc", ["-O2", "-o", binary, C_SOURCE, "-lm"], { encoding: "utf8" });
  if (built.status !== 0) return { skipped: `gcc could not compile ${C_SOURCE}: ${built.stderr.trim().split("\n")[0]}` };
  return { binary };
}

export interface CRun {
  readonly users: number;
  readonly movies: number;
  readonly cpuSeconds: number;
  readonly nsPerPair: number;
  readonly ratings: number;
  readonly labels: number;
}

/** Runs the C reference over `users` users of the world of `dataset` (a folder ctar wrote with the default parameters). */
export function runCReference(binary: string, dataset: string, users: number, mode: "draw" | "encode"): CRun {
  const out = execFileSync(binary, [dataset, String(users), ...(mode === "encode" ? ["encode"] : [])], { encoding: "utf8" });
  return JSON.parse(out.trim()) as CRun;
}

/** The rows the C reference draws for `users` users, per file (truth/liked_tags.csv, train/rating.csv, train/obstag.csv), without headers. */
export function cReferenceRows(binary: string, dataset: string, users: number): Record<string, string> {
  const out = execFileSync(binary, [dataset, String(users), "rows"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const files: Record<string, string> = {};
  let current: string | undefined;
  for (const line of out.split("\n")) {
    if (line.startsWith("# ")) current = line.slice(2);
    else if (line.startsWith("{")) current = undefined;
    else if (current !== undefined && line !== "") files[current] = (files[current] ?? "") + line + "\n";
  }
  return files;
}
