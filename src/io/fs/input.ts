/**
 * The one way in: every file a command reads (tables, configs, graphs, modules, policies, parts,
 * Parquet footers) is opened here. Only a regular file is read — a symbolic link is followed, but
 * only to a regular file: a FIFO would block forever, /dev/zero never ends, a socket is not data.
 * The open itself never waits (O_NONBLOCK, so a FIFO with no writer is refused, not waited on);
 * the type and size come from fstat on the descriptor read, so the check and the read are of the
 * same file. Whole-file reads are capped before anything is allocated; every failure is one
 * error of the caller's class naming the file and what was expected.
 */
import { type ReadStream, closeSync, constants, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { type CtarError, InputError } from "../../errors/errors.js";
import { fsReason, isFsError } from "./fs-error.js";

/** Caps, in bytes. CSV data stays below V8's longest string (about 512 MiB). */
export const READ_CAPS = {
  config: 1 << 20,
  graph: 1 << 20,
  datasetConfig: 64 << 20,
  csv: 500 << 20,
  /** A part's or a dataset's small JSON manifests (part.json, bench.json, summary.json). */
  manifest: 64 << 20,
  /** Rows of a table read whole into memory (stats, bench, ope, report): about what a CSV file within the CSV cap holds. */
  tableRows: 1 << 26,
} as const;

export type ErrorClass = new (message: string, options?: { cause?: unknown }) => CtarError;

/** A size for messages: "2.0 MiB", "12 bytes". */
export function mib(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(n % (1 << 20) === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}

/** An open input: its descriptor and size (from fstat); `close()` it when done. */
export interface Input {
  readonly file: string;
  readonly fd: number;
  readonly size: number;
  close(): void;
}

/**
 * Opens `file` for reading, refusing anything that is not a regular file (links are followed).
 * `what` names the file's role in messages ("a CSV file", "the part's counts file").
 */
export function openInput(file: string, what: string, Err: ErrorClass = InputError): Input {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (isFsError(e) && e.code === "ENOENT") throw new Err(`${file}: file not found (expected ${what})`, { cause: e });
    if (isFsError(e) && e.code === "EISDIR") throw new Err(`${file}: is a folder (expected ${what})`, { cause: e });
    if (isFsError(e)) throw new Err(`${file}: cannot read ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new Err(`${file}: is a folder (expected ${what})`);
    if (!st.isFile()) throw new Err(`${file}: not a regular file (expected ${what}; FIFOs, devices and sockets are refused)`);
    let open = true;
    return {
      file,
      fd,
      size: st.size,
      close: () => {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } catch (e) {
    closeSync(fd);
    if (isFsError(e)) throw new Err(`${file}: cannot read ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  }
}

/** Runs `use` on the open input, closing it afterwards; fs failures become one line naming the file. */
export function withInput<T>(file: string, what: string, use: (input: Input) => T, Err: ErrorClass = InputError): T {
  const input = openInput(file, what, Err);
  try {
    return use(input);
  } catch (e) {
    if (isFsError(e)) throw new Err(`${file}: cannot read ${what} (${fsReason(e)})`, { cause: e });
    throw e;
  } finally {
    input.close();
  }
}

/** Reads up to `length` bytes at `position` (fewer only at the end of the file). */
export function readAt(fd: number, position: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? out : out.subarray(0, done);
}

/** Calls `chunk` with successive pieces (up to 1 MiB, reused buffer) of the whole input. */
export function forEachChunk(file: string, what: string, chunk: (bytes: Buffer) => void, Err: ErrorClass = InputError): void {
  withInput(file, what, ({ fd }) => {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n = readSync(fd, buf, 0, buf.length, null); n > 0; n = readSync(fd, buf, 0, buf.length, null)) chunk(buf.subarray(0, n));
  }, Err);
}

/** The bytes of `file`, at most `maxBytes` (checked from fstat before allocating, and while reading). */
export function readInputBytes(file: string, maxBytes: number, what: string, Err: ErrorClass = InputError): Buffer {
  return withInput(file, what, ({ fd, size }) => {
    if (size > maxBytes) throw new Err(`${file}: ${mib(size)}, more than the ${mib(maxBytes)} ${what} may have`);
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(size + 1, 4096)));
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
  }, Err);
}

/** The text of `file` (UTF-8, a leading byte-order mark dropped); see readInputBytes. */
export function readInputText(file: string, maxBytes: number, what: string, Err: ErrorClass = InputError): string {
  let text = readInputBytes(file, maxBytes, what, Err).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text;
}

/**
 * A parser's message about `file`'s text on one line: V8's JSON errors quote the text around the
 * fault, line breaks included, which would split the one `ctar:` line (a binary file has any bytes).
 */
export function parseFault(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

/** The JSON value of `file`, or one error naming it ("not valid JSON (…)"). */
export function readInputJson(file: string, maxBytes: number, what: string, Err: ErrorClass = InputError): unknown {
  const text = readInputText(file, maxBytes, what, Err);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Err(`${file}: not valid JSON (${parseFault(e)})`, { cause: e });
  }
}

/** A stream of the bytes of `file` (for large files read asynchronously), opened and checked as openInput does. */
export function inputStream(file: string, what: string, Err: ErrorClass = InputError): ReadStream {
  const input = openInput(file, what, Err);
  return createReadStream("", { fd: input.fd, autoClose: true, highWaterMark: 1 << 20 });
}
