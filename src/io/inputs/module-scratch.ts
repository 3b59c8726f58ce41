/**
 * A temporary folder for the embedded copies of a dataset's mechanism modules (when a module is no
 * longer at its recorded path, config.json's copy of its text is run instead). A module imports
 * what it needs from "ctar" (docs/graph.md#your-own-mechanisms-graph-files-with-modules), which
 * Node resolves by walking up from the module's own folder: so the folder holds `node_modules/ctar`,
 * a two-file package re-exporting the running ctar's entry point, and the copy imports the very
 * ctar that runs it (its compiled modules or its bundle: package-root.ts), wherever the dataset was
 * written.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeOutputBytes } from "../fs/output-bytes.js";
import { CTAR_ENTRY } from "../fs/package-root.js";

/** A new scratch folder in which `import "ctar"` resolves to this ctar; the caller removes it. */
export function moduleScratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "ctar-modules-"));
  const pkg = join(dir, "node_modules", "ctar");
  mkdirSync(pkg, { recursive: true });
  writeOutputBytes(join(pkg, "package.json"), `${JSON.stringify({ name: "ctar", type: "module", exports: "./index.js" })}\n`);
  writeOutputBytes(join(pkg, "index.js"), `export * from ${JSON.stringify(CTAR_ENTRY)};\n`);
  return dir;
}
