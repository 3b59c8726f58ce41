/**
 * `ctar report DIR [--out report.html] [--compare OTHER_DIR]`: one self-contained HTML page of a
 * dataset's figures (src/report/report-html.ts). The chart and Graphviz libraries are imported
 * inside the action, so that other commands do not pay for loading them. The page is written by
 * the one writer: not over a device or folder, not over an input, not inside a ctar output.
 */
import { Progress } from "./progress.js";
import { basename, resolve } from "node:path";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { readWorldSet } from "../io/dataset/world-set.js";

export function registerReport(program: Command): void {
  program
    .command("report")
    .description("write a self-contained HTML report of a dataset: m-graph, the paper's Fig. 5–6, truth, stats, card")
    .argument("<dir>", "a dataset folder in the CTAR layout (train/, test/, optional truth/ and config.json)")
    .option("--out <file>", "the HTML file to write", "report.html")
    .option("--compare <dir>", "a second dataset drawn beside each figure (e.g. the released CTAR)")
    .option("--bench <folder>", "with a sweep folder: the --out folder of 'ctar bench SWEEP', drawn as each model's error against the swept option; with a replicates folder: of 'ctar bench REPS', drawn as each model's figure in every world")
    .option("--metric <key>", "with --bench and a replicates folder: the metric drawn (default: the task's first)")
    .action(async (dir: string, o: { out: string; compare?: string; bench?: string; metric?: string }) => {
      // a sweep's page (cli/report-sweep.ts); a replicates folder is reported one world at a time, or its bench (cli/report-worlds.ts)
      const set = readWorldSet(dir);
      if (o.metric !== undefined && (set.kind !== "replicates" || o.bench === undefined)) throw new ConfigError("--metric: only with --bench and a replicates folder (written by 'ctar generate --replicates K')");
      if (set.kind === "replicates" && o.bench !== undefined) {
        if (o.compare !== undefined) throw new ConfigError("--compare: not with a replicates folder and --bench");
        const [{ worldsReport }, { checkOutputFile, writeOutputFile }] = await Promise.all([import("./report-worlds.js"), import("../io/fs/output.js")]);
        const target = { what: "the report", option: "--out", inputs: [dir, o.bench] };
        checkOutputFile(o.out, target); // before the work
        writeOutputFile(o.out, target, await worldsReport(set, o.bench, o.metric));
        process.stdout.write(`report: ${o.out}\n`);
        return;
      }
      if (set.kind === "replicates") throw new ConfigError(`report: ${dir} holds ${set.worlds.length} replicate worlds; report one, e.g. ${set.worlds[0]!.dir} (their figures over worlds: ${dir}/summary.md; a bench over them: --bench)`);
      if (set.kind !== "sweep" && o.bench !== undefined) throw new ConfigError("--bench: only with a sweep folder (written by 'ctar generate --sweep')");
      if (set.kind === "sweep") {
        if (o.compare !== undefined) throw new ConfigError("--compare: not with a sweep folder (its worlds are drawn together already)");
        const [{ sweepReport }, { checkOutputFile, writeOutputFile }] = await Promise.all([import("./report-sweep.js"), import("../io/fs/output.js")]);
        const target = { what: "the report", option: "--out", inputs: [dir, ...(o.bench === undefined ? [] : [o.bench])] };
        checkOutputFile(o.out, target); // before the work
        writeOutputFile(o.out, target, await sweepReport(set, o.bench));
        process.stdout.write(`report: ${o.out}\n`);
        return;
      }
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
      const progress = new Progress(process.stderr, undefined);
      const sets = dirs.map((d, i) => {
        progress.step(`report: reading ${d}`);
        return { label: labels[i]!, data: readReportDataset(d) };
      });
      // a variant's own figures (ctar-uplift, ctar-clicks), for a report of one dataset
      const extra = sets.length === 1 ? await (await import("./report-variants.js")).variantCharts(dir, sets[0]!.data.card, progress) : [];
      progress.step("report: drawing the figures");
      const html = await buildReport(sets, extra);
      progress.step(`report: writing ${o.out}`);
      writeOutputFile(o.out, target, html);
      progress.clear();
      process.stdout.write(`report: ${o.out}\n`);
    });
}
