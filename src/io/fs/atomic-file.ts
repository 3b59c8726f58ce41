/**
 * Writes one file atomically: into `.NAME.tmp-PID` beside it, then renamed over it, so a reader
 * sees the previous file or the complete new one; on failure or SIGHUP/SIGINT/SIGTERM the temporary file
 * is removed and the target is left as it was. Failures are FilesystemErrors naming the target.
 */
import { renameSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { FilesystemError } from "../../errors/errors.js";
import { fsError, fsReason, isFsError, lstatIfThere } from "./fs-error.js";
import { tmpName } from "./litter.js";
import { onInterrupt } from "./signal-cleanup.js";

/** Refuses a target that is a folder or a device (a write there is not a file the user can read back). */
export function checkFileTarget(target: string, what: string): void {
  const abs = resolve(target);
  const st = lstatIfThere(abs, `cannot write ${what}`, target);
  if (st === undefined) return;
  if (st.isDirectory()) throw new FilesystemError(`${target}: is a folder (expected a file name for ${what}; EISDIR)`);
  if (!st.isFile()) throw new FilesystemError(`${target}: not a regular file (expected a file name for ${what})`);
}

/** Writes `target` through `write(tmpPath)` (synchronous), atomically. */
export function writeFileAtomically(target: string, what: string, write: (tmp: string) => void): void {
  checkFileTarget(target, what);
  const abs = resolve(target);
  const tmp = tmpName(abs);
  const unregister = onInterrupt(() => {
    rmSync(tmp, { force: true });
    return `removed the unfinished ${what}`;
  });
  try {
    write(tmp);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (isFsError(e)) throw new FilesystemError(`${target}: cannot write ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  } finally {
    unregister();
  }
}
