/**
 * `ctar report DIR [--out report.html] [--compare OTHER_DIR]`: one self-contained HTML page of a
 * dataset's figures (src/report/report-html.ts). The chart and Graphviz libraries are imported
 * inside the action, so that other commands do not pay for loading them.
 */
import { Progress } from "./progress.js";
import { basename, resolve } from "node:path";
import type { Command } from "commander";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write a self-contained HTML report of a dataset: m-graph, the paper's Fig. 5–6, truth, stats, card")
    .argument("<dir>", "a dataset folder in the CTAR layout (train/, test/, optional truth/ and config.json)")
    .option("--out <file>", "the HTML file to write", "report.html")
    .option("--compare <dir>", "a second dataset drawn beside each figure (e.g. the released CTAR)")
    .action(async (dir: string, o: { out: string; compare?: string }) => {
      const [{ readReportDataset }, { buildReport }, { writeFileAtomically }] = await Promise.all([
        import("../io/dataset/read-report-dataset.js"),
        import("../report/report-html.js"),
        import("../io/fs/write-file-atomically.js"),
      ]);
      const dirs = o.compare === undefined ? [dir] : [dir, o.compare];
      const label = (d: string) => basename(resolve(d));
      const labels = dirs.map(label);
      if (labels.length === 2 && labels[0] === labels[1]) labels[1] = `${labels[1]} (compare)`;
      const progress = new Progress(process.stderr, undefined);
      const sets = dirs.map((d, i) => {
        progress.step(`report: reading ${d}`);
        return { label: labels[i]!, data: readReportDataset(d) };
      });
      progress.step("report: drawing the figures");
      const html = await buildReport(sets);
      progress.step(`report: writing ${o.out}`);
      writeFileAtomically(o.out, html, "report");
      progress.clear();
      process.stdout.write(`report: ${o.out}\n`);
    });
}
