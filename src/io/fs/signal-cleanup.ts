/**
 * Cleanup on SIGHUP, SIGINT and SIGTERM while ctar writes (a closed terminal sends SIGHUP): each
 * transaction registers what to undo (remove its temporary output, release its lock); on a signal
 * every registered cleanup runs, one line says what was removed, and the process exits 129
 * (SIGHUP), 130 (SIGINT) or 143 (SIGTERM), as a shell reports
 * a process ended by that signal. Handlers are installed only while something is registered, so
 * a library user's own handlers are left alone the rest of the time. SIGKILL cannot be caught:
 * what it leaves is found and removed by the next writer (litter.ts).
 */
import { EXIT } from "../../errors/errors.js";

type Cleanup = () => string | undefined;

const active = new Set<Cleanup>();
const SIGNALS = { SIGHUP: EXIT.sighup, SIGINT: EXIT.sigint, SIGTERM: EXIT.sigterm } as const;
const handlers = new Map<NodeJS.Signals, () => void>();

function onSignal(signal: keyof typeof SIGNALS): void {
  const notes: string[] = [];
  for (const c of [...active]) {
    try {
      const n = c();
      if (n !== undefined) notes.push(n);
    } catch {
      // best effort: the next writer removes what is left (litter.ts)
    }
  }
  active.clear();
  process.stderr.write(`ctar: interrupted (${signal})${notes.length > 0 ? `: ${notes.join("; ")}` : ""}\n`);
  process.exit(SIGNALS[signal]);
}

/** Registers a cleanup to run on SIGHUP/SIGINT/SIGTERM; returns the function that unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  active.add(cleanup);
  if (handlers.size === 0) {
    for (const s of Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]) {
      const h = () => onSignal(s);
      handlers.set(s, h);
      process.on(s, h);
    }
  }
  return () => {
    active.delete(cleanup);
    if (active.size === 0) {
      for (const [s, h] of handlers) process.off(s, h);
      handlers.clear();
    }
  };
}

/**
 * Lets a signal that arrived during synchronous work be handled now: signal handlers run from the
 * event loop, which a long synchronous generation never reaches. Awaited before the swap, so an
 * interrupted run never commits.
 */
export async function deliverPendingSignals(): Promise<void> {
  // Two turns of the loop: measured on Node 20, a signal caught during synchronous work is
  // dispatched on the second (libuv reads its signal pipe in the poll phase after the first).
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
}
