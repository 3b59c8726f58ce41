/** `ctar merge PART... --out DIR`: the dataset from the parts of a sharded run (src/io/run/parts.ts). */
import type { Command } from "commander";
import { checkOutputDir, writeOutputDir } from "../io/fs/output.js";
import { DATASET_KIND } from "../io/fs/output-kinds.js";
import { mergeParts } from "../io/run/parts.js";
import { Progress } from "./progress.js";

export function registerMerge(program: Command): void {
  program
    .command("merge")
    .description("merge the parts written by `ctar generate --shard I/N` (all N of them, in any order) into one dataset, the same bytes as a one-machine run")
    .argument("<parts...>", "the part folders")
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --force)")
    .option("--force", "replace a non-empty output folder")
    .option("--quiet", "print no summary and no progress line (warnings and errors still go to stderr)")
    .action(async (parts: string[], opts: Record<string, unknown>) => {
      const out = String(opts["out"]);
      const quiet = opts["quiet"] === true;
      const target = { force: opts["force"] === true, kind: DATASET_KIND, inputs: parts };
      checkOutputDir(out, target);
      const t0 = performance.now();
      const progress = new Progress(quiet ? undefined : process.stderr, undefined);
      const warn = (m: string) => {
        progress.clear();
        process.stderr.write(`ctar: warning: ${m}\n`);
      };
      let result: Awaited<ReturnType<typeof mergeParts>> | undefined;
      await writeOutputDir(out, target, async (tmp) => {
        result = await mergeParts(parts, tmp, { warn, onProgress: (n, s) => progress.update(n, s) });
      });
      progress.clear();
      if (!quiet && result !== undefined) {
        process.stdout.write(`ctar: merged ${parts.length} part${parts.length > 1 ? "s" : ""} into ${out} (${result.users} users) in ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
        for (const [f, { rows }] of Object.entries(result.files)) process.stdout.write(`  ${f.padEnd(26)} ${rows} rows\n`);
      }
    });
}
