/**
 * The kinds of folder ctar writes, and the marker by which the one writer recognises each as
 * ctar's own earlier output: `--force` replaces a non-empty folder only when it is of the same
 * kind as the output being written (an export never replaces a dataset, a dataset never a
 * part). The marker is a file the writer puts in the folder: the kind's own manifest when it has
 * one (a dataset's config.json, a part's part.json, a bench's bench.json), else ctar-output.json.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { VERSION } from "../../version.js";
import { READ_CAPS, readInputJson } from "./input.js";
import { writeOutputBytes } from "./output-bytes.js";

/** What a folder must hold to be "one of ours", so that `force` may replace it. */
export interface DirKind {
  /** For messages, e.g. "ctar dataset". */
  readonly name: string;
  /** What marks it, for messages, e.g. "a config.json written by ctar". */
  readonly marker: string;
  isOurs(dir: string): boolean;
  /** Writes the marker into the finished temporary folder, when the output does not write it itself. */
  mark?(dir: string): void;
}

/** The generic marker, for kinds with no manifest of their own. */
export const MARKER_FILE = "ctar-output.json";

/** A small JSON file of a folder, or undefined when it is absent, not a regular file, too large or not JSON. */
function smallJson(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const v = readInputJson(file, READ_CAPS.manifest, "a marker file");
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A kind marked by ctar-output.json `{"tool": "ctar", "kind": KIND}`. */
function markedKind(kind: string, name: string): DirKind {
  return {
    name,
    marker: `a ${MARKER_FILE} with "kind": "${kind}"`,
    isOurs: (dir) => {
      const m = smallJson(join(dir, MARKER_FILE));
      return m?.["tool"] === "ctar" && m["kind"] === kind;
    },
    mark: (dir) => writeOutputBytes(join(dir, MARKER_FILE), `${JSON.stringify({ tool: "ctar", kind, version: VERSION }, null, 2)}\n`),
  };
}

/** A dataset written by `ctar generate` / `merge` / `regenerate` / `saveDataset`: config.json with "tool": "ctar". */
export const DATASET_KIND: DirKind = {
  name: "ctar dataset",
  marker: 'a config.json written by ctar ("tool": "ctar")',
  isOurs: (dir) => smallJson(join(dir, "config.json"))?.["tool"] === "ctar",
};

/** A part written by `ctar generate --shard I/N`: part.json with "kind": "part" (a retried shard job replaces its own part). */
export const PART_KIND: DirKind = {
  name: "ctar part",
  marker: 'a part.json written by ctar generate --shard ("kind": "part")',
  isOurs: (dir) => {
    const m = smallJson(join(dir, "part.json"));
    return m?.["tool"] === "ctar" && m["kind"] === "part";
  },
};

/** The results folder of `ctar bench --out`: bench.json and bench.md. */
export const BENCH_KIND: DirKind = {
  name: "ctar bench output",
  marker: "bench.json and bench.md written by ctar bench",
  isOurs: (dir) => smallJson(join(dir, "bench.json")) !== undefined && existsSync(join(dir, "bench.md")),
};

/** `ctar generate --replicates K`: the seed-<s> datasets and their summary. */
export const REPLICATES_KIND: DirKind = markedKind("replicates", "ctar replicates folder");

/** `ctar generate --sweep`: one world per value and sweep.json ("tool": "ctar", "kind": "sweep"). */
export const SWEEP_KIND: DirKind = {
  name: "ctar sweep",
  marker: 'a sweep.json written by ctar generate --sweep ("kind": "sweep")',
  isOurs: (dir) => {
    const m = smallJson(join(dir, "sweep.json"));
    return m?.["tool"] === "ctar" && m["kind"] === "sweep";
  },
};

/** `ctar export`: the files another tool loads. */
export const EXPORT_KIND: DirKind = markedKind("export", "ctar export");

/** Every kind, to say what a refused folder is. */
export const DIR_KINDS: readonly DirKind[] = [DATASET_KIND, PART_KIND, BENCH_KIND, REPLICATES_KIND, EXPORT_KIND];

/** The kind of ctar output `dir` is, if any. */
export function kindOf(dir: string): DirKind | undefined {
  return DIR_KINDS.find((k) => k.isOurs(dir));
}
