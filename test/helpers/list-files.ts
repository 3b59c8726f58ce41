/** The files under a folder, as "/"-separated paths relative to it. */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? listFiles(p, base) : [relative(base, p).split("\\").join("/")];
  });
}
