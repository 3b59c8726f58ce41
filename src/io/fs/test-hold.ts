/**
 * Fault-injection points for the crash tests (test/hostile/crash.test.ts): with
 * CTAR_TEST_HOLD=phase[,phase…] the process announces `ctar: test hold: PHASE` on stderr at that
 * point of a transaction and waits CTAR_TEST_HOLD_MS (default 20000) ms, so a test can kill it
 * exactly there. Unset (always, outside the tests), these are no-ops.
 */
export type HoldPhase = "before-write" | "after-write" | "aside" | "swapped";

function holdMs(phase: HoldPhase): number | undefined {
  const list = process.env["CTAR_TEST_HOLD"];
  if (list === undefined || !list.split(",").includes(phase)) return undefined;
  const ms = Number(process.env["CTAR_TEST_HOLD_MS"] ?? "20000");
  process.stderr.write(`ctar: test hold: ${phase}\n`);
  return Number.isFinite(ms) && ms >= 0 ? ms : 20000;
}

/** A hold the event loop keeps turning through (signals are delivered during it). */
export async function holdAsync(phase: HoldPhase): Promise<void> {
  const ms = holdMs(phase);
  if (ms !== undefined) await new Promise((r) => setTimeout(r, ms));
}

/** A hold inside a synchronous step (the swap): only SIGKILL can interrupt it, as in real life. */
export function holdSync(phase: HoldPhase): void {
  const ms = holdMs(phase);
  if (ms !== undefined) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
