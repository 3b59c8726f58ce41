/**
 * Shared inputs of the hostile suite: one tiny valid dataset (written once per process by the
 * CLI), copies of it to break, and the small configuration that keeps every run fast.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, tempDir } from "../helpers/paths.js";

export const SMALL = ["--users", "40", "--movies", "30", "--rct-users", "8", "--rct-movies", "5", "--test2-draws", "40", "--test2-positives", "10", "--test3-draws", "30", "--test3-positives", "9"];

let root: string | undefined;
let dataset: string | undefined;
// Every case's files live under one folder, removed when the test process ends.
process.on("exit", () => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
});

/** A fresh temporary folder for this process's cases. */
export function scratch(): string {
  root ??= tempDir("ctar-hostile-");
  const d = join(root, `case-${Math.random().toString(36).slice(2)}`);
  mkdirSync(d);
  return d;
}

/** The tiny valid dataset (do not modify: copy it with `datasetCopy`). */
export function baseDataset(): string {
  if (dataset === undefined) {
    root ??= tempDir("ctar-hostile-");
    dataset = join(root, "base");
    const r = spawnSync(process.execPath, [CLI, "generate", "--out", dataset, "--quiet", ...SMALL], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`fixture dataset: ${r.stderr}`);
  }
  return dataset;
}

let parts: [string, string] | undefined;
let parquet: string | undefined;

/** Runs the CLI synchronously; a failure here is a broken fixture, not a case. */
function ctarSync(args: readonly string[]): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`fixture: ctar ${args.join(" ")}: ${r.stderr}`);
}

/** The two parts of the base configuration (`generate --shard 0/2` and `1/2`; do not modify). */
export function baseParts(): [string, string] {
  if (parts === undefined) {
    root ??= tempDir("ctar-hostile-");
    const made: [string, string] = [join(root, "part-0"), join(root, "part-1")];
    made.forEach((p, i) => ctarSync(["generate", "--out", p, "--quiet", "--shard", `${i}/2`, ...SMALL]));
    parts = made;
  }
  return parts;
}

/** Copies of the two parts, in a fresh folder, with `edit` applied to the copy of part 1. */
export function partsCopy(edit: (part1: string) => void = () => {}): [string, string] {
  const d = scratch();
  const [a, b] = baseParts().map((p, i) => {
    const c = join(d, `part-${i}`);
    cpSync(p, c, { recursive: true });
    return c;
  }) as [string, string];
  edit(b);
  return [a, b];
}

/** The base configuration written as Parquet only, with truth/full (do not modify: copy it). */
export function parquetDataset(): string {
  if (parquet === undefined) {
    root ??= tempDir("ctar-hostile-");
    parquet = join(root, "parquet");
    ctarSync(["generate", "--out", parquet, "--quiet", "--format", "parquet", "--truth", "full", ...SMALL]);
  }
  return parquet;
}

let fullTruth: string | undefined;

/** A copy of the base configuration generated with --truth full (CSV), which logged-feedback exports need. */
export function fullTruthCopy(): string {
  if (fullTruth === undefined) {
    root ??= tempDir("ctar-hostile-");
    fullTruth = join(root, "full");
    ctarSync(["generate", "--out", fullTruth, "--quiet", "--truth", "full", ...SMALL]);
  }
  const d = join(scratch(), "ds");
  cpSync(fullTruth, d, { recursive: true });
  return d;
}

/** A copy of the Parquet dataset. */
export function parquetCopy(): string {
  const d = join(scratch(), "pq");
  cpSync(parquetDataset(), d, { recursive: true });
  return d;
}

/** A copy of the base dataset with `edit` applied to the text of some of its files. */
export function datasetCopy(edits: Readonly<Record<string, (text: string) => string>> = {}): string {
  const d = join(scratch(), "ds");
  cpSync(baseDataset(), d, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) writeFileSync(join(d, file), edit(readFileSync(join(d, file), "utf8")));
  return d;
}

/** Replaces line `n` (1-based) of a text. */
export function setLine(n: number, line: string): (text: string) => string {
  return (text) => {
    const lines = text.split("\n");
    lines[n - 1] = line;
    return lines.join("\n");
  };
}
