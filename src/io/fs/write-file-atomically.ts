/**
 * Writes one file atomically: into a temporary sibling, renamed into place when complete, so a
 * failed write never leaves a partial file under the target's name.
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../../errors/errors.js";

export function writeFileAtomically(target: string, text: string, what: string): void {
  const abs = resolve(target);
  const tmp = join(dirname(abs), `.${basename(abs)}.tmp-${process.pid}`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(`${target}: cannot write the ${what} (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { cause: e });
  }
}
