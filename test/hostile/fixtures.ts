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
