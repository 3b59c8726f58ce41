/**
 * Kept for the modules that import it by this name: one file written atomically is
 * `rewriteOutputFile` of the one writer (fs/output.ts), whose failures name the file.
 */
import { rewriteOutputFile } from "./output.js";

export function writeFileAtomically(target: string, text: string, what: string): void {
  rewriteOutputFile(target, `the ${what}`, text);
}
