/**
 * A file's size and SHA-256 taken as its bytes are written: a writer that streams a large file
 * (the users' files, test.csv, a merge's concatenation) feeds every chunk it writes to a
 * `DigestOnWrite`, so the dataset card and croissant.json (dataset-artifact.ts) list checksums
 * without reading those files back. Keyed by the file's path inside the dataset folder.
 */
import { createHash } from "node:crypto";

export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}

/** Digests known from writing, by path inside the output folder. */
export type FileDigests = Map<string, FileDigest>;

export class DigestOnWrite {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private done: FileDigest | undefined;

  update(chunk: Uint8Array): void {
    if (this.done !== undefined) throw new Error("file digest: bytes written after the digest was taken");
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }

  /** The digest of everything fed (taken after the last chunk; later calls return the same). */
  digest(): FileDigest {
    this.done ??= { bytes: this.bytes, sha256: this.hash.digest("hex") };
    return this.done;
  }
}
