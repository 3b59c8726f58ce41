/**
 * One writer per target: a lock file `.NAME.lock` beside the target, created with O_EXCL (so of
 * two processes exactly one succeeds) and holding the owner's PID and host. A lock whose owner is
 * gone (same host, PID not alive) is stale and taken over; a live one makes the second writer fail
 * at once with a message naming the holder.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { FilesystemError } from "../../errors/errors.js";
import { fsError } from "./fs-error.js";
import { processAlive } from "./process-alive.js";

export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

export function lockPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const v = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof v.pid === "number" && typeof v.host === "string") return { pid: v.pid, host: v.host, started: String(v.started ?? "") };
  } catch {
    // unreadable or half-written: judged below as an owner we cannot identify
  }
  return undefined;
}

function tryCreate(file: string, shownAs: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw fsError(e, `cannot create its lock file ${basename(file)}`, shownAs);
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw fsError(e, `cannot write its lock file ${basename(file)}`, shownAs);
  }
  closeSync(fd);
  return true;
}

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

/** A held lock; `release` removes it (idempotent). */
export interface DirLock {
  readonly file: string;
  release(): void;
  /** A message about a stale lock that was taken over, if any. */
  readonly tookOver?: string;
}

/** Takes the lock of `target` (absolute) or throws a FilesystemError naming the holder. */
export function acquireLock(target: string, shownAs: string): DirLock {
  const file = lockPath(target);
  let tookOver: string | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, shownAs)) {
      let held = true;
      const release = () => {
        if (held) rmSync(file, { force: true });
        held = false;
      };
      return tookOver === undefined ? { file, release } : { file, release, tookOver };
    }
    const owner = readOwner(file);
    if (owner === undefined && youngerThan(file, 5000)) {
      // Another process has just created it and not yet written its PID.
      throw new FilesystemError(`${shownAs}: another ctar process is starting to write it (lock ${file})`);
    }
    const sameHost = owner === undefined || owner.host === hostname();
    if (owner !== undefined && (!sameHost || processAlive(owner.pid))) {
      const where = sameHost ? `PID ${owner.pid}` : `PID ${owner.pid} on host ${owner.host}`;
      throw new FilesystemError(`${shownAs}: another ctar process (${where}, since ${owner.started}) is writing it; wait for it or, if it is gone, remove ${file}`);
    }
    // Stale: move it aside under a name of our own, so of two processes taking it over only one removes it.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw fsError(e, "cannot remove a stale lock");
    }
    const moved = readOwner(aside);
    if (owner !== undefined && moved !== undefined && moved.pid !== owner.pid) {
      // We moved a fresh lock another process had just taken: put it back and let it win.
      renameSync(aside, file);
      continue;
    }
    rmSync(aside, { force: true });
    tookOver = owner === undefined ? `removed an unreadable lock ${file}` : `removed the stale lock of ctar PID ${owner.pid}, which is gone`;
  }
  throw new FilesystemError(`${shownAs}: could not take the lock ${file} (other processes keep taking it)`);
}
