/**
 * Writing the files inside a folder the one writer is producing (its temporary folder): a new
 * file is created without following a link (O_NOFOLLOW), so nothing planted beside the output
 * is written through. The only node:fs write calls outside the writer's transaction modules.
 */
import { closeSync, constants, openSync, writeFileSync } from "node:fs";

/** Opens a file inside the folder being written, for writing (created or truncated). */
export function createOutputFile(path: string): number {
  return openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
}

/** Writes a whole file inside the folder being written. */
export function writeOutputBytes(path: string, data: string | Uint8Array): void {
  const fd = createOutputFile(path);
  try {
    writeFileSync(fd, data);
  } finally {
    closeSync(fd);
  }
}
