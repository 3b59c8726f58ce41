/** `ctar stats DIR`: the figures of docs/release.md#the-released-dataset for any folder in the CTAR layout. */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import { readCtarFolder } from "../io/dataset/read-dataset.js";
import { type DatasetStats, datasetStats } from "../stats/dataset-stats.js";
import { type VariantFigures, readVariantFigures } from "../io/dataset/read-variant-stats.js";

export function formatStats(s: DatasetStats & VariantFigures, dir: string): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = [
    `CTAR dataset ${dir}`,
    "",
    "| file | rows | other figures |",
    "|---|---|---|",
    `| movie.csv | ${s.movies} | ${s.distinctTags} distinct tags over all tag lists |`,
    `| rating.csv | ${s.rating.rows} | ratings ${Object.entries(s.rating.histogram).map(([k, v]) => `${k}: ${v}`).join(" / ")}; ${s.rating.users} users, ${s.rating.movies} movies |`,
    `| obstag.csv | ${s.obstag.rows} | ${s.obstag.pairs} (user, movie) pairs; ${s.obstag.noTagRows} rows with tag −1; ${s.obstag.users} users |`,
    `| rcttag.csv | ${s.rcttag.rows} | ${s.rcttag.pairs} (user, movie) pairs; ${s.rcttag.noTagRows} rows with tag −1; ${s.rcttag.users} users |`,
  ];
  for (const [name, t] of Object.entries(s.tests)) {
    lines.push(`| ${name}.csv | ${t.rows} | ${pct(t.positiveShare)} positive (${t.positives}); ${t.users} users; ${t.distinctPairs} distinct (user, tag) |`);
  }
  const t = s.treatment;
  if (t !== undefined) lines.push(`| treatment.csv | ${t.rows} | T = 1: ${t.treated}; Y = 1: ${t.outcomes} (${t.treatedOutcomes} treated, ${t.outcomes - t.treatedOutcomes} not); every pair not listed has T = Y = 0 |`);
  const c = s.click;
  if (c !== undefined) lines.push(`| click.csv | ${c.rows} | ${c.clicks} clicks (${pct(c.clickRate)}); by position ${Object.entries(c.clicksByPosition).map(([k, v]) => `${k}: ${v}`).join(" / ")} |`);
  return `${lines.join("\n")}\n`;
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("print the figures of a dataset in the CTAR layout (rows, rating histogram, tags, test positives)")
    .argument("<dir>", "dataset folder with train/ and test/")
    .option("--json", "print JSON for scripts", false)
    .action(async (dir: string, opts: { json: boolean }) => {
      const progress = new Progress(process.stderr, undefined);
      progress.step(`stats: reading ${dir}`);
      const folder = readCtarFolder(dir);
      progress.step("stats: computing the figures");
      const s = { ...datasetStats(folder), ...(await readVariantFigures(dir)) };
      progress.clear();
      process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : formatStats(s, dir));
    });
}
