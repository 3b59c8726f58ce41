/** Buffered CSV output: rows are appended to a string chunk flushed to the file every ~1 MB. */
import { closeSync, writeSync } from "node:fs";
import { createOutputFile } from "../fs/output-bytes.js";

export class CsvWriter {
  private readonly fd: number;
  private buf = "";
  /** `header` null: no header line (Cornac's UIR files). */
  constructor(
    private readonly file: string,
    header: string | null,
  ) {
    this.fd = createOutputFile(file);
    this.buf = header === null ? "" : `${header}\n`;
  }
  line(s: string): void {
    this.buf += s;
    this.buf += "\n";
    if (this.buf.length > 1 << 20) this.flush();
  }
  private flush(): void {
    try {
      if (this.buf.length > 0) writeSync(this.fd, this.buf);
    } catch (e) {
      // write(2) errors (ENOSPC, EIO) name no path: name the file, so the message can.
      if (e instanceof Error && (e as NodeJS.ErrnoException).path === undefined) (e as NodeJS.ErrnoException).path = this.file;
      throw e;
    }
    this.buf = "";
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
