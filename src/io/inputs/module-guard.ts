/**
 * A user mechanism module may not end the process. ctar runs a module's code (its import, a
 * mechanism's `setup`, its kernel's `forUser`, `finish` and `summary`) inside `inModule`, and
 * while it does, `process.exit` throws instead of exiting: the engine then reports the throw as
 * any other, naming the node, the module and the user (exit 4), and the command cleans up as after
 * any error. On a worker thread `process.exit` would end the thread silently (the pass would wait
 * for it forever); on the main thread it would end ctar with the module's code, no message and its
 * unfinished output left behind. ctar's own `process.exit` (outside module code) is unchanged.
 *
 * Not covered (docs/graph.md#what-ctar-checks-of-a-module-and-what-a-module-must-not-do): `process.kill`, `process.abort` and
 * native crashes, and an endless loop, which no JavaScript check can interrupt on its own thread.
 */
import type { Mechanism, NodeKernel } from "../../mechanisms/mechanism.js";
import { resolveCtarToThisCtar } from "./ctar-import.js";

let depth = 0;
const realExit = process.exit.bind(process);

function guardedExit(code?: number | string | null): never {
  if (depth > 0) throw new Error(`called process.exit(${code ?? ""}): a mechanism may not end the process (throw an Error to report a problem)`);
  return realExit(code ?? undefined);
}
process.exit = guardedExit as typeof process.exit;

/** Runs module code with `process.exit` refused. */
export function inModule<T>(f: () => T): T {
  depth++;
  try {
    return f();
  } finally {
    depth--;
  }
}

/** As `inModule`, for the module's import (its top-level code); `import "ctar"` in it is this ctar (ctar-import.ts). */
export async function importModule(href: string): Promise<Record<string, unknown>> {
  resolveCtarToThisCtar();
  depth++;
  try {
    return (await import(href)) as Record<string, unknown>;
  } finally {
    depth--;
  }
}

/** The kernel with each of its functions run by `inModule` (its fields read through). */
function guardKernel(k: NodeKernel): NodeKernel {
  const forUser = k.forUser;
  const finish = k.finish;
  const summary = k.summary;
  return {
    get value() {
      return k.value;
    },
    get tally() {
      return k.tally;
    },
    get truth() {
      return k.truth;
    },
    ...(typeof forUser === "function" ? { forUser: (ctx) => inModule(() => forUser.call(k, ctx)) } : {}),
    ...(typeof finish === "function" ? { finish: () => inModule(() => finish.call(k)) } : {}),
    ...(typeof summary === "function" ? { summary: (t) => inModule(() => summary.call(k, t)) } : {}),
  };
}

/** A user module's mechanism whose code runs by `inModule`. */
export function guardMechanism(m: Mechanism<unknown>): Mechanism<unknown> {
  return {
    ...m,
    setup: (ctx) => {
      const kernel = inModule(() => m.setup(ctx));
      return typeof kernel === "object" && kernel !== null ? guardKernel(kernel) : kernel;
    },
  };
}
