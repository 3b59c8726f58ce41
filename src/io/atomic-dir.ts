/**
 * Writes a folder atomically: everything goes into a temporary sibling folder, which is renamed
 * into place only when complete. A non-empty target is replaced only with `force`. On failure the
 * temporary folder is removed, so no partial output is ever left under the target's name.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { ConfigError } from "../errors/errors.js";

export function checkTarget(target: string, force: boolean): void {
  const abs = resolve(target);
  if (!existsSync(abs)) return;
  if (!statSync(abs).isDirectory()) throw new ConfigError(`--out ${target}: exists and is not a folder`);
  if (readdirSync(abs).length > 0 && !force) {
    throw new ConfigError(`--out ${target}: the folder is not empty (use --force to replace it)`);
  }
}

export async function writeDirAtomically(target: string, force: boolean, write: (tmp: string) => Promise<void> | void): Promise<void> {
  checkTarget(target, force);
  const abs = resolve(target);
  const parent = dirname(abs);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(abs)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  try {
    await write(tmp);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(abs)) {
    const old = join(parent, `.${basename(abs)}.old-${process.pid}`);
    renameSync(abs, old);
    renameSync(tmp, abs);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(tmp, abs);
  }
}
