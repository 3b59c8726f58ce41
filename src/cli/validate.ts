/**
 * `ctar validate DIR`: checks a dataset folder (checksums, card and croissant.json, headers,
 * column types, id ranges, row counts, and the dataset's invariants). Exit 0 with a summary when
 * valid; exit 1 with every problem (file:line) when not; exit 3 when DIR is not a dataset folder.
 */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import { CtarError } from "../errors/errors.js";
import { validateDataset } from "../io/dataset/validate-dataset.js";

export function registerValidate(program: Command): void {
  program
    .command("validate")
    .description("check a dataset folder: checksums, card, croissant.json, columns, id ranges, row counts and the CTAR invariants")
    .argument("<dir>", "a dataset folder written by 'ctar generate'")
    .option("--json", "print the report as JSON", false)
    .action(async (dir: string, opts: { json: boolean }) => {
      const progress = new Progress(process.stderr, undefined);
      const r = await validateDataset(dir, (stage) => progress.step(`validate: ${stage}`));
      progress.clear();
      if (opts.json) {
        const out = { dataset: dir, valid: r.valid, files: r.tables, checksums: r.checksums, invariants: r.invariants, notes: r.notes, ...r.problems.toJson() };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else if (r.valid) {
        const rows = r.tables.reduce((s, t) => s + t.rows, 0);
        const lines = [`ctar validate: ${dir} is valid`, `  ${r.checksums} checksums match croissant.json; README.md and croissant.json are as ctar writes them`, `  ${r.tables.length} table files, ${rows} rows: headers, column types, id ranges, order and row counts as config.json says`, `  invariants: ${r.invariants.length > 0 ? r.invariants.join("; ") : "none checked"}`, ...r.notes.map((n) => `  note: ${n}`)];
        process.stdout.write(`${lines.join("\n")}\n`);
      } else {
        process.stdout.write(`${[...r.problems.lines(), ...r.notes.map((n) => `note: ${n}`)].join("\n")}\n`);
      }
      if (!r.valid) throw new CtarError(`validate: ${dir}: ${r.problems.total} problem${r.problems.total > 1 ? "s" : ""} (listed on stdout)`);
    });
}
