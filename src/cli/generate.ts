/** `ctar generate`: one CTAR dataset, written atomically in the released layout. */
import type { Command } from "commander";
import { generateDataset } from "../generate/generate.js";
import { checkTarget, writeDirAtomically } from "../io/atomic-dir.js";
import { resolveCatalog } from "../io/resolve-catalog.js";
import { writeDataset } from "../io/write-dataset.js";
import { addConfigOptions, configFromOptions } from "./config-options.js";

export function registerGenerate(program: Command): void {
  const cmd = program
    .command("generate")
    .description("generate a CTAR dataset (train/, test/, truth/, config.json) from the m-graph")
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --force)")
    .option("--force", "replace a non-empty output folder", false)
    .option("--quiet", "print nothing but errors", false);
  addConfigOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const config = configFromOptions(opts);
    const quiet = opts["quiet"] === true;
    const out = String(opts["out"]);
    const t0 = performance.now();
    const warn = (m: string) => process.stderr.write(`ctar: warning: ${m}\n`);
    // Validate the target before any work, so a refused --out costs nothing.
    checkTarget(out, opts["force"] === true);
    const catalog = resolveCatalog(config);
    const dataset = generateDataset(config, catalog, { warn });
    let files: Record<string, { rows: number }> = {};
    await writeDirAtomically(out, opts["force"] === true, (tmp) => {
      files = writeDataset(tmp, dataset);
    });
    if (!quiet) {
      const secs = (performance.now() - t0) / 1000;
      process.stdout.write(`ctar: wrote ${out} (${config.users} users × ${config.movies} movies, seed ${config.seed}) in ${secs.toFixed(2)} s\n`);
      for (const [f, { rows }] of Object.entries(files)) process.stdout.write(`  ${f.padEnd(26)} ${rows} rows\n`);
    }
  });
}
