/**
 * `ctar export DIR --to recbole|cornac|logged-feedback --out X`: the dataset in the files other
 * tools load (src/io/export/). Streams the tables (either format), writes X atomically.
 */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { writeDirAtomically } from "../io/fs/atomic-dir.js";
import { readConfigDoc } from "../io/dataset/dataset-artifact.js";
import { exportCornac } from "../io/export/cornac.js";
import { exportLoggedFeedback } from "../io/export/logged-feedback.js";
import { exportRecbole } from "../io/export/recbole.js";

export const EXPORT_TARGETS = ["recbole", "cornac", "logged-feedback"] as const;

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write a dataset in the files RecBole, Cornac or an off-policy evaluation loads")
    .argument("<dir>", "a dataset folder written by 'ctar generate'")
    .requiredOption("--to <target>", `target: ${EXPORT_TARGETS.join(", ")}`)
    .requiredOption("--out <folder>", "output folder (written atomically)")
    .option("--force", "replace a non-empty output folder", false)
    .option("--quiet", "print no summary of the written files (errors still go to stderr)", false)
    .action(async (dir: string, opts: { to: string; out: string; force: boolean; quiet: boolean }) => {
      const to = opts.to;
      if (!(EXPORT_TARGETS as readonly string[]).includes(to)) throw new ConfigError(`--to: unknown export target '${to}' (expected ${EXPORT_TARGETS.join(", ")})`);
      const doc = readConfigDoc(dir);
      const config = (doc["config"] ?? {}) as { users?: number; movies?: number };
      let files: string[] = [];
      const progress = new Progress(opts.quiet ? undefined : process.stderr, undefined);
      progress.step(`export: writing ${dir} for ${to}`);
      await writeDirAtomically(opts.out, opts.force, async (tmp) => {
        if (to === "recbole") files = await exportRecbole(dir, tmp, config.users ?? 0);
        else if (to === "cornac") files = await exportCornac(dir, tmp);
        else files = await exportLoggedFeedback(dir, tmp, config.movies ?? 0);
      });
      progress.clear();
      if (!opts.quiet) process.stdout.write(`ctar: exported ${dir} for ${to} to ${opts.out}\n${files.map((f) => `  ${f}`).join("\n")}\n`);
    });
}
