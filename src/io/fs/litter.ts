/**
 * What an interrupted writer leaves beside a target, and its repair. A transaction on NAME uses
 * `.NAME.tmp-PID` (the output being written) and, while replacing, `.NAME.old-PID` (the previous
 * output moved aside). SIGKILL, a power cut or an older ctar can leave either behind. Called with
 * the target's lock held, so no live writer that respects the lock is using them; those of a PID
 * still alive (a writer that does not lock) are left alone.
 *  - a `.tmp` folder is unfinished output: removed;
 *  - an `.old` folder when the target exists: the replacement arrived, the old one is removed;
 *  - an `.old` folder when the target is missing: the crash fell between the two renames, the
 *    previous output is put back.
 */
import { readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fsError, fsReason, isFsError } from "./fs-error.js";
import { processAlive } from "./process-alive.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function tmpName(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
}

export function oldName(target: string): string {
  return join(dirname(target), `.${basename(target)}.old-${process.pid}`);
}

interface Litter {
  readonly path: string;
  readonly kind: "tmp" | "old";
  readonly pid: number;
}

function findLitter(target: string): Litter[] {
  const parent = dirname(target);
  const re = new RegExp(`^\\.${escape(basename(target))}\\.(tmp|old)-(\\d+)$`);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch (e) {
    throw fsError(e, "cannot list the folder");
  }
  const out: Litter[] = [];
  for (const n of names) {
    const m = re.exec(n);
    if (m === null) continue;
    const pid = Number(m[2]);
    // Our own PID cannot be a live transaction here (we hold the lock and have not started).
    if (pid !== process.pid && processAlive(pid)) continue;
    out.push({ path: join(parent, n), kind: m[1] as "tmp" | "old", pid });
  }
  // The old folders first: restoring one decides whether a later old folder is superseded.
  return out.sort((a, b) => (a.kind === b.kind ? a.pid - b.pid : a.kind === "old" ? -1 : 1));
}

/** Repairs the litter of dead writers beside `target`; returns one line per action, for the user. */
export function recoverLitter(target: string, exists: () => boolean): string[] {
  const notes: string[] = [];
  for (const l of findLitter(target)) {
    const who = `ctar PID ${l.pid} (gone)`;
    try {
      if (l.kind === "old" && !exists()) {
        renameSync(l.path, target);
        notes.push(`restored ${target} from ${basename(l.path)}: ${who} had moved it aside and its replacement never arrived`);
      } else {
        rmSync(l.path, { recursive: true, force: true });
        notes.push(
          l.kind === "tmp"
            ? `removed ${basename(l.path)}, the unfinished output of ${who}`
            : `removed ${basename(l.path)}, the previous output ${who} had replaced`,
        );
      }
    } catch (e) {
      // Only a missing target depends on the repair; litter that cannot be removed beside a
      // target that is there must not block every later writer of it: say so and go on.
      if (l.kind === "old" && !exists()) throw fsError(e, "cannot restore the previous output");
      notes.push(`could not remove ${l.path}, left by ${who} (${isFsError(e) ? fsReason(e) : String(e)}); remove it by hand`);
    }
  }
  return notes;
}
