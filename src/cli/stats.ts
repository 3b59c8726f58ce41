/** `ctar stats DIR`: the figures of docs/release.md#the-released-dataset for any folder in the CTAR layout. */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import { readCtarFolder } from "../io/dataset/read-dataset.js";
import { type DatasetStats, datasetStats } from "../stats/dataset-stats.js";

export function formatStats(s: DatasetStats, dir: string): string {
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
  return `${lines.join("\n")}\n`;
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("print the figures of a dataset in the CTAR layout (rows, rating histogram, tags, test positives)")
    .argument("<dir>", "dataset folder with train/ and test/")
    .option("--json", "print JSON for scripts", false)
    .action((dir: string, opts: { json: boolean }) => {
      const progress = new Progress(process.stderr, undefined);
      progress.step(`stats: reading ${dir}`);
      const folder = readCtarFolder(dir);
      progress.step("stats: computing the figures");
      const s = datasetStats(folder);
      progress.clear();
      process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : formatStats(s, dir));
    });
}
