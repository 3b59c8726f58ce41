/**
 * `ctar report DIR [--out report.html] [--compare OTHER_DIR]`: one self-contained HTML page of a
 * dataset's figures (src/report/report-html.ts). The chart and Graphviz libraries are imported
 * inside the action, so that other commands do not pay for loading them. The page is written by
 * the one writer: not over a device or folder, not over an input, not inside a ctar output.
 */
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
      const [{ readReportDataset }, { buildReport }, { checkOutputFile, writeOutputFile }] = await Promise.all([
        import("../io/dataset/read-report-dataset.js"),
        import("../report/report-html.js"),
        import("../io/fs/output.js"),
      ]);
      const dirs = o.compare === undefined ? [dir] : [dir, o.compare];
      const target = { what: "the report", option: "--out", inputs: dirs };
      checkOutputFile(o.out, target); // before the work
      const label = (d: string) => basename(resolve(d));
      const labels = dirs.map(label);
      if (labels.length === 2 && labels[0] === labels[1]) labels[1] = `${labels[1]} (compare)`;
      const sets = dirs.map((d, i) => ({ label: labels[i]!, data: readReportDataset(d) }));
      writeOutputFile(o.out, target, await buildReport(sets));
      process.stdout.write(`report: ${o.out}\n`);
    });
}
