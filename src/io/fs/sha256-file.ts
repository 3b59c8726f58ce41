/** SHA-256 of a file, streamed in 1 MiB chunks so that a large file is never held in memory. */
import { createHash } from "node:crypto";
import { type ErrorClass, forEachChunk } from "./input.js";

export function sha256File(file: string, what = "a file to checksum", Err?: ErrorClass): string {
  const hash = createHash("sha256");
  forEachChunk(file, what, (bytes) => hash.update(bytes), Err);
  return hash.digest("hex");
}
