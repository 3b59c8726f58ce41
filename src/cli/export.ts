/**
 * `ctar export DIR --to recbole|cornac|logged-feedback|ultra --out X`: the dataset in the files other
 * tools load (src/io/export/). Streams the tables (either format), writes X atomically through
 * the one writer: X may not be DIR (nor hold it, nor lie in it), and `--force` replaces only an
 * earlier export (marked by ctar-output.json).
 */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { checkOutputDir, writeOutputDir } from "../io/fs/output.js";
import { EXPORT_KIND } from "../io/fs/output-kinds.js";
import { readConfigDoc } from "../io/dataset/dataset-artifact.js";
import { exportCornac } from "../io/export/cornac.js";
import { exportLoggedFeedback } from "../io/export/logged-feedback.js";
import { exportRecbole } from "../io/export/recbole.js";
import { exportUltra } from "../io/export/ultra.js";

export const EXPORT_TARGETS = ["recbole", "cornac", "logged-feedback", "ultra"] as const;

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write a dataset in the files RecBole, Cornac, ULTRA or an off-policy evaluation loads")
    .argument("<dir>", "a dataset folder written by 'ctar generate'")
    .requiredOption("--to <target>", `target: ${EXPORT_TARGETS.join(", ")}`)
    .requiredOption("--out <folder>", "output folder (written atomically)")
    .option("--force", "replace a non-empty output folder", false)
    .option("--quiet", "print no summary of the written files (errors still go to stderr)", false)
    .action(async (dir: string, opts: { to: string; out: string; force: boolean; quiet: boolean }) => {
      const to = opts.to;
      if (!(EXPORT_TARGETS as readonly string[]).includes(to)) throw new ConfigError(`--to: unknown export target '${to}' (expected ${EXPORT_TARGETS.join(", ")})`);
      const out = { force: opts.force, kind: EXPORT_KIND, inputs: [dir] };
      checkOutputDir(opts.out, out); // a refused --out costs nothing
      const doc = readConfigDoc(dir);
      const config = (doc["config"] ?? {}) as { users?: number; movies?: number };
      let files: string[] = [];
      const progress = new Progress(opts.quiet ? undefined : process.stderr, undefined);
      progress.step(`export: writing ${dir} for ${to}`);
      await writeOutputDir(opts.out, out, async (tmp) => {
        if (to === "recbole") files = await exportRecbole(dir, tmp, config.users ?? 0);
        else if (to === "cornac") files = await exportCornac(dir, tmp, config.users ?? 0);
        else if (to === "ultra") files = await exportUltra(dir, tmp);
        else files = await exportLoggedFeedback(dir, tmp, config.users ?? 0, config.movies ?? 0);
      });
      progress.clear();
      if (!opts.quiet) process.stdout.write(`ctar: exported ${dir} for ${to} to ${opts.out}\n${files.map((f) => `  ${f}`).join("\n")}\n`);
    });
}
