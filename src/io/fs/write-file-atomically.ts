/**
 * Writes one file atomically: into a temporary sibling, renamed into place when complete, so a
 * failed write never leaves a partial file under the target's name.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { FilesystemError } from "../../errors/errors.js";
import { fsReason, isFsError } from "./fs-error.js";

export function writeFileAtomically(target: string, text: string, what: string): void {
  const abs = resolve(target);
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    // a file that cannot be written is a filesystem error (exit 5), as for every other output
    if (isFsError(e)) throw new FilesystemError(`${target}: cannot write the ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  }
}
