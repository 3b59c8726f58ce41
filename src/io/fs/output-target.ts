/**
 * The one writer's checks of a target that concern more than the target itself: it must not be
 * one of the command's own inputs (nor hold one, nor lie inside one), compared after resolving
 * symbolic links, so `regenerate LINK --out DS --force` with LINK → DS is refused like
 * `--out DS`; a single output file must not land inside a folder ctar wrote (a dataset's
 * `train/rating.csv`), which would no longer be what ctar wrote; and a folder `--force` replaces
 * must be removable, checked before the work so that a folder that cannot be deleted is refused,
 * left as it was, rather than swapped out and left behind as litter.
 */
import { accessSync, constants, existsSync, readdirSync, realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { ConfigError, FilesystemError } from "../../errors/errors.js";
import { fsReason, isFsError } from "./fs-error.js";
import { kindOf } from "./output-kinds.js";

/** The real path of `p` (links resolved), also when `p` or some of its ancestors do not exist yet. */
export function realPath(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent), basename(abs));
  }
}

/** True when `inner` is `outer` or lies inside it (both real paths). */
function within(inner: string, outer: string): boolean {
  const r = relative(outer, inner);
  return r === "" || (!r.startsWith("..") && !r.startsWith(sep) && r !== "..");
}

/**
 * Refuses a target that is one of the command's inputs, holds one (replacing it would delete the
 * input) or lies inside one that ctar wrote (writing there changes that output; inside any
 * other folder the input is left as it was). `option` names the target in the message
 * ("--out", "--save-policy").
 */
export function refuseInputs(target: string, inputs: readonly string[], option: string): void {
  const t = realPath(target);
  for (const input of inputs) {
    const i = realPath(input);
    const through = i !== resolve(input) || t !== resolve(target) ? ` (${i} once links are resolved)` : "";
    if (t === i) throw new ConfigError(`${option} ${target}: is the command's input ${input}${through}; give another path`);
    if (within(i, t)) throw new ConfigError(`${option} ${target}: holds the command's input ${input}${through}; replacing it would delete the input`);
    if (within(t, i) && kindOf(i) !== undefined) throw new ConfigError(`${option} ${target}: lies inside the command's input ${input}${through}; writing there would change the input`);
  }
}

/**
 * Refuses a single output file inside a folder ctar wrote (a dataset, part, export, bench or
 * replicates folder, or any folder inside one): that folder stays exactly as ctar wrote it.
 */
export function refuseInsideOutput(target: string, option: string): void {
  let dir = dirname(realPath(target));
  for (;;) {
    const kind = existsSync(dir) ? kindOf(dir) : undefined;
    if (kind !== undefined) throw new ConfigError(`${option} ${target}: lies inside ${dir}, a ${kind.name}; ctar does not add or replace files in its outputs (give a path outside it)`);
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

/**
 * Refuses, before any work, a folder `--force` could not delete once the new output is in place
 * (a sub-folder without write permission, say): every folder inside must be writable.
 */
export function checkRemovable(dir: string, shown: string): void {
  const walk = (d: string): void => {
    try {
      accessSync(d, constants.W_OK | constants.X_OK);
    } catch (e) {
      if (isFsError(e)) throw new FilesystemError(`${shown}: cannot replace it: ${relative(dir, d) || "the folder"} cannot be emptied (${fsReason(e)}); it was left as it was`, { cause: e });
      throw e;
    }
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      if (isFsError(e)) throw new FilesystemError(`${shown}: cannot replace it: ${relative(dir, d) || "the folder"} cannot be listed (${fsReason(e)}); it was left as it was`, { cause: e });
      throw e;
    }
    for (const e of entries) if (e.isDirectory()) walk(join(d, e.name));
  };
  walk(dir);
}
