/**
 * The one way out: every output a command writes goes through these functions.
 *  - A folder (dataset, part, replicates, export, bench): `writeOutputDir`, one transaction
 *    (../atomic-dir.ts) under a lock, cleaned up on SIGHUP/SIGINT/SIGTERM; an existing non-empty
 *    folder is replaced only with `force` and only when it is an earlier output of the same kind,
 *    recognised by its marker (output-kinds.ts), and only when it can be deleted.
 *  - A single file (report, policy, drawing, converted graph): `writeOutputFile`, atomically
 *    (../atomic-file.ts); the target must be a regular file or absent, and may not sit inside a
 *    folder ctar wrote.
 *  - Either way the target may not be one of the command's inputs (links resolved).
 *  - Files inside the folder being written: `createOutputFile` / `writeOutputBytes`, which never
 *    follow a link planted in the temporary folder.
 * The rules are documented in docs/failures.md.
 */
import { type AtomicDirOptions, checkTarget, writeDirAtomically } from "./atomic-dir.js";
import { checkFileTarget, writeFileAtomically } from "./atomic-file.js";
import { writeOutputBytes } from "./output-bytes.js";
import type { DirKind } from "./output-kinds.js";
import { refuseInputs, refuseInsideOutput } from "./output-target.js";

export interface OutputDirOptions extends AtomicDirOptions {
  readonly force: boolean;
  readonly kind: DirKind;
}

/** Refuses a folder target before any work (see writeOutputDir). */
export function checkOutputDir(target: string, o: OutputDirOptions): void {
  checkTarget(target, o.force, o.kind, o.note, o.inputs ?? []);
}

/** Writes the folder `target` through `write(tmp)`, as one transaction. */
export async function writeOutputDir(target: string, o: OutputDirOptions, write: (tmp: string) => Promise<void> | void): Promise<void> {
  await writeDirAtomically(target, o.force, write, o);
}

export interface OutputFileOptions {
  /** What the file is, for messages ("the report"). */
  readonly what: string;
  /** The option that named it ("--out", "--save-policy"). */
  readonly option: string;
  readonly inputs?: readonly string[];
}

/** Refuses a file target before any work: not a regular file, an input, or inside a ctar output folder. */
export function checkOutputFile(target: string, o: OutputFileOptions): void {
  checkFileTarget(target, o.what);
  refuseInputs(target, o.inputs ?? [], o.option);
  refuseInsideOutput(target, o.option);
}

/** Writes one file atomically, after checkOutputFile. */
export function writeOutputFile(target: string, o: OutputFileOptions, data: string | Uint8Array | ((tmp: string) => void)): void {
  checkOutputFile(target, o);
  writeFileAtomically(target, o.what, typeof data === "function" ? data : (tmp) => writeOutputBytes(tmp, data));
}

/**
 * Rewrites one file of a ctar output in place (`ctar card`'s README.md and croissant.json, and
 * config.json while a dataset is finished): atomically, over a regular file only, and any
 * failure names the file (a full disk is "DS/README.md: … ENOSPC", never an unknown path).
 */
export function rewriteOutputFile(file: string, what: string, data: string | Uint8Array): void {
  writeFileAtomically(file, what, (tmp) => writeOutputBytes(tmp, data));
}

export { createOutputFile, writeOutputBytes } from "./output-bytes.js";
