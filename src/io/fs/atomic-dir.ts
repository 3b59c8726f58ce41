/**
 * io/fs/ — the file-system room: the only place that knows how a path is safely read or written.
 * Folder and file transactions (atomic-dir, atomic-file, write-file-atomically), one writer per
 * target (dir-lock), the repair of dead writers' litter, signal clean-up, bounded reads and the one
 * FilesystemError every OS failure becomes. Every other room writes and reads through it; it
 * imports no other room.
 *
 * Writes a folder as one transaction. The output goes into `.NAME.tmp-PID` beside the target; only
 * when it is complete is the previous target renamed aside (`.NAME.old-PID`), the new one renamed
 * in and the old one deleted, so the target is always either the previous complete output or the
 * new complete one (between the two renames, microseconds, the name is absent; a crash exactly
 * there is repaired by the next writer, litter.ts). Around it:
 *  - one writer per target (dir-lock.ts), the lock taken before any work;
 *  - the litter of dead writers repaired first, with a note saying what was done;
 *  - SIGHUP/SIGINT/SIGTERM remove the temporary folder and exit 129/130/143 (signal-cleanup.ts);
 *  - every fs failure is one FilesystemError naming the path and the OS reason, the temporary
 *    output removed and an existing target left exactly as it was;
 *  - `force` replaces only an empty folder or ctar's own earlier output of the same `kind`
 *    (recognised by its marker, fs/output-kinds.ts), and only one it can delete;
 *  - a target that is, holds or lies inside one of the command's `inputs` is refused
 *    (fs/output-target.ts), links resolved.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { ConfigError, FilesystemError } from "../../errors/errors.js";
import { acquireLock } from "./dir-lock.js";
import { fsError, fsReason, isFsError, lstatIfThere } from "./fs-error.js";
import { oldName, recoverLitter, tmpName } from "./litter.js";
import { deliverPendingSignals, onInterrupt } from "./signal-cleanup.js";
import { holdAsync, holdSync } from "./test-hold.js";
import { BENCH_KIND, DATASET_KIND, type DirKind, kindOf } from "./output-kinds.js";
import { checkRemovable, refuseInputs } from "./output-target.js";

export { BENCH_KIND, DATASET_KIND, type DirKind };

export interface AtomicDirOptions {
  /** What `force` may replace (default: a ctar dataset). */
  readonly kind?: DirKind;
  /** How the target is named in messages (default: as given). */
  readonly shownAs?: string;
  /** Receives what the repair of an interrupted run did (default: `ctar: note: …` on stderr). */
  readonly note?: (message: string) => void;
  /** The command's inputs: the target may not be one, hold one or lie inside one. */
  readonly inputs?: readonly string[];
}

const defaultNote = (m: string) => process.stderr.write(`ctar: note: ${m}\n`);

/**
 * Repairs what dead writers left beside `target` (a restored previous output counts when the
 * target is then judged), under the target's lock; a live writer's lock fails at once.
 */
function repairBeside(abs: string, shown: string, note: (m: string) => void): void {
  if (!existsSync(dirname(abs))) return;
  const lock = acquireLock(abs, shown);
  try {
    if (lock.tookOver !== undefined) note(lock.tookOver);
    for (const n of recoverLitter(abs, () => existsSync(abs))) note(n);
  } finally {
    lock.release();
  }
}

/**
 * Refuses a target that cannot or may not be written, before any work: the root, a file, a link,
 * a folder another ctar process is writing, a non-empty folder without `force`, or one that is
 * not of `kind`. Litter of dead writers is repaired first (with a note).
 */
export function checkTarget(target: string, force: boolean, kind: DirKind = DATASET_KIND, note: (m: string) => void = defaultNote, inputs: readonly string[] = []): void {
  const abs = resolve(target);
  if (dirname(abs) === abs) throw new FilesystemError(`${target}: cannot write output as the root folder (give a folder inside it)`);
  refuseInputs(target, inputs, "--out");
  try {
    if (!statSync(dirname(abs)).isDirectory()) throw new FilesystemError(`${target}: ${dirname(target) || "."} is not a folder (ENOTDIR)`);
  } catch (e) {
    if (e instanceof FilesystemError) throw e;
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fsError(e, "cannot look at the output folder", target);
  }
  repairBeside(abs, target, note);
  judgeTarget(target, force, kind);
}

/** checkTarget's verdict on the target as it stands (no repair). */
function judgeTarget(target: string, force: boolean, kind: DirKind): void {
  const abs = resolve(target);
  const st = lstatIfThere(abs, "cannot look at the output folder", target);
  if (st === undefined) return;
  if (st.isSymbolicLink()) throw new FilesystemError(`${target}: is a symbolic link (give the folder it points to; ctar replaces folders, not links)`);
  if (!st.isDirectory()) throw new FilesystemError(`${target}: exists and is not a folder (ENOTDIR)`);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch (e) {
    throw fsError(e, "cannot list the output folder", target);
  }
  if (entries.length === 0) return;
  if (!force) throw new ConfigError(`--out ${target}: the folder is not empty (use --force to replace it)`);
  if (!kind.isOurs(abs)) {
    const other = kindOf(abs);
    if (other !== undefined) throw new ConfigError(`--out ${target}: is a ${other.name}, not a ${kind.name} (--force replaces only a ${kind.name}, recognised by ${kind.marker}, or an empty folder)`);
    throw new ConfigError(`--out ${target}: not a ${kind.name} (expected ${kind.marker}); only a ${kind.name} or an empty folder is replaced`);
  }
  checkRemovable(abs, target);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // best effort: the next writer removes it (litter.ts)
  }
}

/** An fs error met while writing inside `tmp`, named by the file's place under the target. */
function writeFailure(e: unknown, tmp: string, shown: string): unknown {
  if (!isFsError(e)) return e;
  const inside = e.path !== undefined ? relative(tmp, e.path) : "";
  const what = inside === "" || inside.startsWith("..") ? "writing the output failed" : `writing ${inside} failed`;
  return new FilesystemError(`${shown}: ${what} (${fsReason(e)}); nothing was replaced`, { cause: e });
}

/** The swap: rename aside, rename in, delete; any failure puts the previous output back. */
function swapIn(abs: string, tmp: string, shown: string, note: (m: string) => void): void {
  if (!existsSync(abs)) {
    try {
      renameSync(tmp, abs);
    } catch (e) {
      throw fsError(e, "cannot move the finished output into place; nothing was written", shown);
    }
    return;
  }
  const old = oldName(abs);
  try {
    renameSync(abs, old);
  } catch (e) {
    throw fsError(e, "cannot move the previous output aside to replace it; it was left as it was", shown);
  }
  holdSync("aside");
  try {
    renameSync(tmp, abs);
  } catch (e) {
    renameSync(old, abs);
    throw fsError(e, "cannot move the finished output into place; the previous output was put back", shown);
  }
  holdSync("swapped");
  try {
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    note(`${shown} was replaced, but the previous output ${old} could not be removed (${isFsError(e) ? fsReason(e) : String(e)}); the next run removes it`);
  }
}

/**
 * Writes the folder `target` through `write(tmp)` (which fills the empty folder `tmp`), as one
 * transaction (see the module header). A non-empty target is replaced only with `force`, and
 * only when it is of `options.kind` (default: a ctar dataset).
 * @example
 * await writeDirAtomically("out/ctar", false, async (tmp) => { writeOutputBytes(`${tmp}/a.csv`, "x\n"); });
 */
export async function writeDirAtomically(
  target: string,
  force: boolean,
  write: (tmp: string) => Promise<void> | void,
  options: AtomicDirOptions = {},
): Promise<void> {
  const kind = options.kind ?? DATASET_KIND;
  const shown = options.shownAs ?? target;
  const note = options.note ?? defaultNote;
  checkTarget(target, force, kind, note, options.inputs ?? []);
  const abs = resolve(target);
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (e) {
    throw fsError(e, "cannot create the folder that holds the output", dirname(target) || ".");
  }
  const lock = acquireLock(abs, shown);
  const tmp = tmpName(abs);
  // Registered as soon as the lock is ours: a signal never finds the lock or the folder without it.
  const unregister = onInterrupt(() => {
    rmSync(tmp, { recursive: true, force: true });
    lock.release();
    return `removed the unfinished output ${basename(tmp)}; ${shown} was left as it was`;
  });
  try {
    if (lock.tookOver !== undefined) note(lock.tookOver);
    for (const n of recoverLitter(abs, () => existsSync(abs))) note(n);
    judgeTarget(target, force, kind); // again, under our lock
    try {
      mkdirSync(tmp);
    } catch (e) {
      throw fsError(e, "cannot create the temporary output folder", tmp);
    }
    try {
      await holdAsync("before-write");
      await write(tmp);
      kind.mark?.(tmp);
      await holdAsync("after-write");
      await deliverPendingSignals();
    } catch (e) {
      removeQuietly(tmp);
      throw writeFailure(e, tmp, shown);
    }
    try {
      swapIn(abs, tmp, shown, note);
    } finally {
      removeQuietly(tmp);
    }
  } finally {
    lock.release();
    unregister();
  }
}
