/** Test helpers: a small generated dataset with its card and croissant.json, and its file list. */
import assert from "node:assert/strict";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { writeCard, writeCroissant } from "../../src/io/dataset/dataset-artifact.js";
import { ctar, tempDir } from "./paths.js";

/** Generates into a fresh folder with `args`, then writes the card (dated `date`) and croissant.json. */
export function cardedDataset(args: readonly string[], date: string): string {
  const dir = join(tempDir(), "ds");
  const r = ctar(["generate", "--out", dir, "--quiet", ...args]);
  assert.equal(r.status, 0, r.stderr);
  writeCard(dir, { date });
  writeCroissant(dir);
  return dir;
}

/** Every file below `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
