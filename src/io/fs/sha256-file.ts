/** SHA-256 of a file, streamed in 1 MiB chunks so that a large file is never held in memory. */
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
