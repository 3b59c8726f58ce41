/**
 * `ctar regenerate DIR --out NEW`: the dataset rebuilt from DIR/config.json alone — the recorded
 * configuration, graph, truth level and interventions, the catalog found by its recorded path
 * (relative to DIR) or --catalog and checked by SHA-256, the mechanism modules likewise (or their
 * embedded text) — written atomically; the same bytes as DIR (src/io/recorded/recorded-run.ts).
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { checkOutputDir, writeOutputDir } from "../io/fs/output.js";
import { DATASET_KIND } from "../io/fs/output-kinds.js";
import { generateInto } from "../io/run/generate-run.js";
import { recordedRun } from "../io/recorded/recorded-run.js";
import { recordedPaths } from "../io/dataset/run-provenance.js";
import { VERSION } from "../version.js";
import { parseWorkers } from "./parallel-options.js";
import { Progress } from "./progress.js";

export function registerRegenerate(program: Command): void {
  program
    .command("regenerate")
    .description("rebuild a dataset from its config.json alone (catalog and modules checked by SHA-256), byte-identical to the original")
    .argument("<dir>", "a dataset folder written by `ctar generate` (or merge, or regenerate)")
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --force)")
    .option("--catalog <folder>", "the catalog folder, when it is not at the path config.json records (relative to DIR); its files must have the recorded SHA-256")
    .option("--force", "replace a non-empty output folder")
    .option("--workers <n>", "worker threads (as for generate; the files are the same for any number)")
    .option("--quiet", "print no summary and no progress line (warnings and errors still go to stderr)")
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const out = String(opts["out"]);
      const quiet = opts["quiet"] === true;
      const workers = parseWorkers(opts["workers"]);
      // DIR itself (or through a link) is refused: the transaction would replace what it reads
      const target = { force: opts["force"] === true, kind: DATASET_KIND, inputs: [dir] };
      checkOutputDir(out, target);
      const run = await recordedRun(dir, typeof opts["catalog"] === "string" ? opts["catalog"] : undefined);
      const t0 = performance.now();
      const progress = new Progress(quiet ? undefined : process.stderr, run.inputs.config.users);
      const warn = (m: string) => {
        progress.clear();
        process.stderr.write(`ctar: warning: ${m}\n`);
      };
      // NEW/config.json keeps DIR's records, byte for byte; say when their relative paths miss from NEW
      if (recordedPaths(run.inputs.record).some((p) => resolve(dir, p) !== resolve(out, p))) {
        warn(`${out}/config.json keeps the input paths recorded relative to ${dir} (so the files are the same bytes); from ${out} they do not reach the recorded inputs`);
      }
      if (run.version !== VERSION) warn(`${dir} was written by ctar ${run.version}, this is ctar ${VERSION}: the files may differ`);
      let files: Readonly<Record<string, { rows: number }>> = {};
      try {
        await writeOutputDir(out, target, async (tmp) => {
          files = (await generateInto(tmp, run.inputs, { workers, warn, catalog: run.catalog, onProgress: (n, s) => progress.update(n, s) })).files;
        });
      } finally {
        run.dispose();
      }
      progress.clear();
      if (!quiet) {
        const c = run.inputs.config;
        process.stdout.write(`ctar: regenerated ${dir} into ${out} (${c.users} users × ${c.movies} movies, seed ${c.seed}) in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
        for (const [f, { rows }] of Object.entries(files)) process.stdout.write(`  ${f.padEnd(26)} ${rows} rows\n`);
      }
    });
}
