/**
 * The streamed files of a dataset (layout.ts) being written block by block, in user order: each
 * file is opened once, gets its header (or none, for a shard's part), and every block's text is
 * appended as it arrives. Keeps the row counts, per user only the number of observed ratings, and
 * each file's SHA-256, taken as its bytes go out (file-digest.ts).
 */
import { closeSync, mkdirSync, writeSync } from "node:fs";
import { createOutputFile } from "../fs/output-bytes.js";
import { DigestOnWrite, type FileDigests } from "../fs/file-digest.js";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BlockOutput } from "../../generate/block.js";
import { FULL_TRUTH_FILE, HEADERS, STREAMED_FILES } from "../../generate/layout.js";

/** Writes all of `data` (writeSync may write less than asked), feeding it to `digest` when given. */
export function writeAll(fd: number, data: string | Uint8Array, digest?: DigestOnWrite): void {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  digest?.update(buf);
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** The streamed files of a run, in order: the layout's, truth/full when asked, a variant world's. */
export function streamedFileList(fullTruth: boolean, variantFiles: readonly string[]): string[] {
  return [...STREAMED_FILES, ...(fullTruth ? [FULL_TRUTH_FILE] : []), ...variantFiles];
}

/** A streamed file's header line (gzipped for a .gz file: its first member). */
export function headerBytes(f: string): string | Uint8Array {
  const line = `${HEADERS[f]}\n`;
  return f.endsWith(".gz") ? gzipSync(line) : line;
}

export class StreamedFiles {
  private readonly fds = new Map<string, number>();
  private readonly hashes = new Map<string, DigestOnWrite>();
  readonly rows: Record<string, number> = {};
  /** Observed ratings per user of the range, indexed from `from`. */
  readonly ratingCounts: Int32Array;
  readonly pools = [0, 0, 0, 0];
  private next: number;

  constructor(
    readonly dir: string,
    readonly from: number,
    readonly to: number,
    /** variantFiles: a variant world's streamed files (generate/variant-tables.ts), in order. */
    readonly options: { readonly headers: boolean; readonly fullTruth: boolean; readonly variantFiles?: readonly string[] },
  ) {
    this.ratingCounts = new Int32Array(to - from);
    this.next = from;
    for (const f of streamedFileList(options.fullTruth, options.variantFiles ?? [])) {
      const path = join(dir, f);
      mkdirSync(dirname(path), { recursive: true });
      const fd = createOutputFile(path);
      this.fds.set(f, fd);
      this.hashes.set(f, new DigestOnWrite());
      this.rows[f] = 0;
      if (options.headers) writeAll(fd, headerBytes(f), this.hashes.get(f));
    }
  }

  append(b: BlockOutput): void {
    if (b.from !== this.next) throw new Error(`streamed files: block of users ${b.from}.. arrived, expected ${this.next}..`);
    for (const f of STREAMED_FILES) {
      const s = b.bytes[f];
      if (s.length > 0) writeAll(this.fds.get(f)!, s, this.hashes.get(f));
      this.rows[f]! += b.rows[f];
    }
    const full = this.fds.get(FULL_TRUTH_FILE);
    if (full !== undefined) {
      for (const member of b.full) writeAll(full, member, this.hashes.get(FULL_TRUTH_FILE));
      this.rows[FULL_TRUTH_FILE]! += b.fullRows;
    }
    for (const [f, chunks] of Object.entries(b.variant?.chunks ?? {})) {
      const fd = this.fds.get(f);
      if (fd === undefined) throw new Error(`streamed files: a block has rows of ${f}, which this run does not write`);
      for (const c of chunks) writeAll(fd, c, this.hashes.get(f));
      this.rows[f]! += b.variant!.rows[f] ?? 0;
    }
    this.ratingCounts.set(b.ratingCounts, b.from - this.from);
    for (let i = 0; i < 4; i++) this.pools[i]! += b.pools[i]!;
    this.next = b.to;
  }

  close(): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /** Size and SHA-256 of every file as written (after `close`), by path inside the folder. */
  digests(): FileDigests {
    const out: FileDigests = new Map();
    for (const [f, h] of this.hashes) out.set(f, h.digest());
    return out;
  }
}
