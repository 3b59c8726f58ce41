/**
 * A temporary folder for the embedded copies of a dataset's mechanism modules (when a module is no
 * longer at its recorded path, config.json's copy of its text is run instead). A module imports
 * what it needs from "ctar" (README, "Your own mechanisms"), which Node resolves by walking up from
 * the module's own folder: so the folder holds `node_modules/ctar`, a link to this ctar's package,
 * and the copy imports the very ctar that runs it, wherever the dataset was written.
 */
import { mkdirSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root (this file is dist/src/io/inputs/module-scratch.js). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** A new scratch folder in which `import "ctar"` resolves to this ctar; the caller removes it. */
export function moduleScratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "ctar-modules-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(PACKAGE_ROOT, join(dir, "node_modules", "ctar"), "dir");
  return dir;
}
