/**
 * Reading a file the user names, with bounds: only a regular file (a FIFO would block forever,
 * /dev/zero never ends), and no larger than a cap checked before reading (from fstat, then
 * enforced while reading, in case the file grows), so a hostile path cannot exhaust memory.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { constants } from "node:fs";
import { type CtarError, InputError } from "../../errors/errors.js";
import { fsReason, isFsError } from "./fs-error.js";

/** Caps, in bytes. CSV data stays below V8's longest string (about 512 MiB). */
export const READ_CAPS = {
  config: 1 << 20,
  graph: 1 << 20,
  datasetConfig: 64 << 20,
  csv: 500 << 20,
} as const;

type ErrorClass = new (message: string, options?: { cause?: unknown }) => CtarError;

function mib(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}

/** The bytes of `file`, or a one-line error of class `Err` naming it. `what` names the file's role. */
export function readBoundedBytes(file: string, maxBytes: number, what: string, Err: ErrorClass = InputError): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (isFsError(e) && e.code === "ENOENT") throw new Err(`${file}: file not found (expected ${what})`, { cause: e });
    if (isFsError(e)) throw new Err(`${file}: cannot read ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new Err(`${file}: is a folder (expected ${what})`);
    if (!st.isFile()) throw new Err(`${file}: not a regular file (expected ${what}; FIFOs, devices and sockets are refused)`);
    if (st.size > maxBytes) throw new Err(`${file}: ${mib(st.size)}, more than the ${mib(maxBytes)} ${what} may have`);
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, 4096)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) throw new Err(`${file}: more than the ${mib(maxBytes)} ${what} may have (it grew while read)`);
        throw new Err(`${file}: grew while read (expected ${what})`);
      }
      const k = readSync(fd, buf, n, buf.length - n, null);
      if (k === 0) break;
      n += k;
    }
    return buf.subarray(0, n);
  } catch (e) {
    if (isFsError(e)) throw new Err(`${file}: cannot read ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  } finally {
    closeSync(fd);
  }
}

/** The text of `file` (UTF-8, a leading byte-order mark dropped); see readBoundedBytes. */
export function readBoundedText(file: string, maxBytes: number, what: string, Err: ErrorClass = InputError): string {
  let text = readBoundedBytes(file, maxBytes, what, Err).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}
