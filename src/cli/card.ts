/**
 * `ctar card DIR`: writes the dataset card (README.md) and croissant.json into a finished
 * dataset folder, as `generate` does at its end; for folders written before, or re-carded.
 */
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { readConfigDoc, today, writeCard, writeCroissant } from "../io/dataset/dataset-artifact.js";

export function registerCard(program: Command): void {
  program
    .command("card")
    .description("write the dataset card (README.md) and croissant.json into a dataset folder written by 'ctar generate'")
    .argument("<dir>", "the dataset folder")
    .option("--date <YYYY-MM-DD>", "the date the card and croissant.json state (default: today, UTC)")
    .action((dir: string, opts: { date?: string }) => {
      const date = opts.date ?? today();
      // Date.parse rolls 2020-02-30 over to March 1: the date must read back as itself
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) throw new ConfigError(`--date: expected a date YYYY-MM-DD (got '${date}')`);
      readConfigDoc(dir);
      writeCard(dir, { date });
      writeCroissant(dir, { date });
      process.stdout.write(`ctar: wrote ${dir}/README.md and ${dir}/croissant.json\n`);
    });
}
