/**
 * `ctar report SWEEP [--bench B]`: the sweep's page (report/sweep-report.ts) from its worlds'
 * data and, with --bench, the bench.json of `ctar bench SWEEP --out B`.
 */
import { existsSync } from "node:fs";
import { READ_CAPS, readInputJson } from "../io/fs/input.js";
import { basename, join, resolve } from "node:path";
import { CTAR_OPTIONS } from "../config/ctar-config.js";
import { InputError } from "../errors/errors.js";
import type { WorldSet } from "../io/dataset/world-set.js";
import { readCtarFolder } from "../io/dataset/read-dataset.js";
import { meanFacts, sweepWorldFacts } from "../report/sweep-facts.js";
import { type SweepBench, buildSweepReport, sweepBenchOf } from "../report/sweep-report.js";

type Sweep = Extract<WorldSet, { kind: "sweep" }>;

function readBench(folder: string, sweep: Sweep): SweepBench {
  const file = join(folder, "bench.json");
  if (!existsSync(file)) throw new InputError(`--bench ${folder}: no bench.json there (expected the --out folder of 'ctar bench ${sweep.dir} --out FOLDER')`);
  const doc = readInputJson(file, READ_CAPS.manifest, "a bench.json of ctar");
  return sweepBenchOf(doc, file, sweep.manifest.parameter, sweep.worlds.map((w) => ({ folder: w.folder, value: w.value!, ...(w.replicates === undefined ? {} : { seeds: w.replicates.map((r) => r.seed!) }) })));
}

/** The page's HTML; everything is read (and checked) before anything is drawn. */
export async function sweepReport(sweep: Sweep, benchFolder: string | undefined): Promise<string> {
  const bench = benchFolder === undefined ? undefined : readBench(benchFolder, sweep);
  const worlds = sweep.worlds.map((w) => meanFacts((w.replicates ?? [w]).map((d) => sweepWorldFacts(w.folder, w.value!, readCtarFolder(d.dir)))));
  const parameter = sweep.manifest.parameter;
  const help = CTAR_OPTIONS.find((o) => o.flag === parameter)?.help ?? parameter;
  return buildSweepReport({ label: basename(resolve(sweep.dir)), parameter, help, worlds, ...(bench === undefined ? {} : { bench }) });
}
