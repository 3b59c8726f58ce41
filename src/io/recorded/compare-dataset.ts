/**
 * `ctar verify DIR`'s check of the files themselves: the dataset is regenerated from its
 * config.json into a temporary folder, and the two folders must hold exactly the same files with
 * the same bytes (config.json included). The first difference is named by file and line.
 */
import { mkdtempSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { openInput } from "../fs/input.js";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { CtarConfig } from "../../config/ctar-config.js";
import { InputError } from "../../errors/errors.js";
import type { MGraph } from "../../graph/mgraph.js";
import type { MechanismRegistry } from "../../mechanisms/registry.js";
import { READ_CAPS, readBoundedText } from "../fs/bounded-read.js";
import { fsError } from "../fs/fs-error.js";
import { CARD_FILE, cardDate } from "../dataset/dataset-artifact.js";
import { recordedRun } from "./recorded-run.js";
import { generateInto } from "../run/generate-run.js";
import { onInterrupt } from "../fs/signal-cleanup.js";

/** The keys writeDataset always writes; any other key of config.json is the run's record (truth, interventions, …). */
const STANDARD_KEYS = new Set(["tool", "version", "seed", "config", "catalog", "graph", "files", "warnings", "notes"]);

function listFiles(root: string, sub = ""): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(join(root, sub), { withFileTypes: true });
  } catch (e) {
    throw fsError(e, "cannot list the folder");
  }
  for (const e of entries) {
    const rel = sub === "" ? e.name : `${sub}/${e.name}`;
    if (e.isDirectory()) out.push(...listFiles(root, rel));
    else if (e.isFile()) out.push(rel);
    else throw new InputError(`${join(root, rel)}: not a regular file (a dataset holds only files and folders)`);
  }
  return out.sort();
}

/** The 1-based line of the first differing byte of two files, or undefined when they are equal. */
function firstDifference(a: string, b: string): number | undefined {
  const ia = openInput(a, "a file of the dataset");
  const ib = openInput(b, "a file of the regenerated dataset");
  const [fa, fb] = [ia.fd, ib.fd];
  try {
    const ba = Buffer.alloc(1 << 20);
    const bb = Buffer.alloc(1 << 20);
    let line = 1;
    for (;;) {
      const na = readSync(fa, ba, 0, ba.length, null);
      const nb = readSync(fb, bb, 0, bb.length, null);
      const n = Math.min(na, nb);
      for (let i = 0; i < n; i++) {
        if (ba[i] !== bb[i]) return line;
        if (ba[i] === 10) line++;
      }
      if (na !== nb) return line;
      if (na === 0) return undefined;
    }
  } finally {
    ia.close();
    ib.close();
  }
}

/** Key order aside (the graph is rebuilt from its spec), config.json must say the same. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

function compareConfig(file: string, regenerated: string): void {
  const a = JSON.parse(readBoundedText(file, READ_CAPS.datasetConfig, "config.json")) as Record<string, unknown>;
  const b = JSON.parse(readBoundedText(regenerated, READ_CAPS.datasetConfig, "config.json")) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (JSON.stringify(canonical(a[k])) !== JSON.stringify(canonical(b[k]))) {
      throw new InputError(`${file}: entry '${k}' differs from the regeneration (${JSON.stringify(a[k])?.slice(0, 60) ?? "absent"} here; edited, or written by another version?)`);
    }
  }
}

export interface RegenerationInput {
  readonly config: CtarConfig;
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
}

async function regenerateInto(tmp: string, dir: string): Promise<void> {
  // The card states the day it was written: the regeneration states the same day.
  let date: string | undefined;
  try {
    date = cardDate(readBoundedText(join(dir, CARD_FILE), READ_CAPS.datasetConfig, "the dataset card"));
  } catch {
    date = undefined;
  }
  // Exactly the recorded run (its configuration as typed, the catalog found by hash, its modules).
  const run = await recordedRun(dir);
  try {
    // One thread: embedded modules may live only in a scratch folder of this process.
    await generateInto(tmp, run.inputs, { workers: 1, catalog: run.catalog, ...(date === undefined ? {} : { date }) });
  } finally {
    run.dispose();
  }
}

/** Throws an InputError naming the first file (and line) of `dir` that is not what its config.json regenerates. */
export async function compareWithRegeneration(dir: string, run: RegenerationInput): Promise<void> {
  // Beside the dataset, so the paths config.json records relative to its folder come out the same.
  let tmp: string;
  try {
    tmp = mkdtempSync(join(dirname(resolve(dir)), `.${basename(resolve(dir))}.verify-`));
  } catch {
    tmp = mkdtempSync(join(tmpdir(), "ctar-verify-"));
  }
  const unregister = onInterrupt(() => {
    rmSync(tmp, { recursive: true, force: true });
    return undefined;
  });
  try {
    await regenerateInto(tmp, dir);
    const want = listFiles(tmp);
    const got = listFiles(dir);
    const wantSet = new Set(want);
    const extra = got.find((f) => !wantSet.has(f));
    if (extra !== undefined) throw new InputError(`${join(dir, extra)}: not a file of this dataset (its config.json regenerates ${want.length} files, not this one)`);
    const gotSet = new Set(got);
    const missing = want.find((f) => !gotSet.has(f));
    if (missing !== undefined) {
      const isFolder = statSync(join(dir, missing), { throwIfNoEntry: false })?.isDirectory() === true;
      throw new InputError(`${join(dir, missing)}: ${isFolder ? "is a folder, not the file" : "missing"} (its config.json regenerates it)`);
    }
    for (const f of want) {
      if (f === "config.json") {
        compareConfig(join(dir, f), join(tmp, f));
        continue;
      }
      const line = firstDifference(join(dir, f), join(tmp, f));
      if (line !== undefined) {
        const sizes = `${statSync(join(dir, f)).size} bytes, regenerated ${statSync(join(tmp, f)).size}`;
        throw new InputError(`${join(dir, f)}:${line}: differs from the regeneration from config.json (${sizes}; edited, or written by another version or graph?)`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    unregister();
  }
}
