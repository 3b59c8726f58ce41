/**
 * Streamed gzip CSV output, synchronous and in bounded memory: rows are buffered as text and every
 * ~1 MB compressed with node:zlib into one gzip member appended to the file. A file of several
 * members is one valid gzip file (RFC 1952 §2.2: "a gzip file consists of a series of members");
 * gunzip, zcat, Node's zlib, Python's gzip and pandas read it whole.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { gzipSync } from "node:zlib";

export class GzipCsvWriter {
  private readonly fd: number;
  private buf: string;
  rows = 0;
  constructor(
    file: string,
    header: string,
    private readonly chunk = 1 << 20,
  ) {
    this.fd = openSync(file, "w");
    this.buf = `${header}\n`;
  }
  line(s: string): void {
    this.buf += s;
    this.buf += "\n";
    this.rows++;
    if (this.buf.length >= this.chunk) this.flush();
  }
  private flush(): void {
    if (this.buf.length > 0) writeSync(this.fd, gzipSync(this.buf, { level: 6 }));
    this.buf = "";
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
