/**
 * `ctar verify`: regenerates a dataset's world from its seed and tests, on the simulated values,
 * the independences its m-graph implies for the missingness indicators and the dependences it
 * declares (src/verify/). Exit status 1 when an implied independence is rejected.
 *
 *   ctar verify DIR [--graph FILE] [--alpha 0.05] [--json]     a folder written by `ctar generate`
 *   ctar verify [--config FILE] [--users N …] [--graph FILE]    a configuration, without a folder
 */
import { Progress } from "./progress.js";
import type { Command } from "commander";
import type { CtarConfig } from "../config/ctar-config.js";
import { CTAR_OPTIONS } from "../config/ctar-config.js";
import { ConfigError, InputError, VerifyRejectedError } from "../errors/errors.js";
import type { MGraph } from "../graph/mgraph.js";
import { type MechanismRegistry, builtinRegistry } from "../mechanisms/registry.js";
import { loadDatasetRun, loadGraphRun } from "../io/inputs/load-graph-run.js";
import { compareWithRegeneration } from "../io/recorded/compare-dataset.js";
import { resolveCatalog } from "../io/inputs/resolve-catalog.js";
import { ctarGraph } from "../presets/ctar.js";
import { mechanismFlagsGiven } from "../scm/mechanism-options.js";
import { formatVerifyReport } from "../verify/format-verify.js";
import { verifyWorld } from "../verify/verify-world.js";
import { addConfigOptions, configFromOptions } from "./config-options.js";

function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function registerVerify(program: Command): void {
  const cmd = program
    .command("verify")
    .description("regenerate a world and test the independences its m-graph implies for the missingness indicators (CMH tests, Bonferroni)")
    .argument("[dir]", "a dataset folder written by `ctar generate` (its config.json); without it, the configuration options below")
    .option("--graph <file>", "the graph file to run, with its modules (default: the recorded graph, or the CTAR preset)")
    .option("--alpha <a>", "family-wise level, Bonferroni-corrected over the claims", "0.05")
    .option("--json", "print the report as JSON", false);
  addConfigOptions(cmd);
  cmd.action(async (dir: string | undefined, opts: Record<string, unknown>) => {
    const alpha = Number(opts["alpha"]);
    if (!(alpha > 0 && alpha < 1)) throw new ConfigError(`--alpha: expected a number between 0 and 1 (got '${String(opts["alpha"])}')`);
    const graphFile = typeof opts["graph"] === "string" ? opts["graph"] : undefined;
    const ignored = mechanismFlagsGiven(opts);
    if (graphFile !== undefined && ignored.length > 0) {
      throw new ConfigError(`ctar verify: --${ignored[0]} sets a mechanism parameter of the CTAR preset; with --graph ${graphFile} the parameters come from the graph file (edit it instead)`);
    }
    let config: CtarConfig;
    let graph: MGraph;
    let registry: MechanismRegistry;
    let expectedRows: Readonly<Record<string, number>> = {};
    if (dir !== undefined) {
      const given = ["config", ...CTAR_OPTIONS.map((o) => camel(o.flag))].filter((k) => opts[k] !== undefined);
      if (given.length > 0) throw new ConfigError(`ctar verify: give either a dataset folder or configuration options, not both (got ${dir} and --${given[0]})`);
      const run = await loadDatasetRun(dir, graphFile);
      ({ config, graph, registry, expectedRows } = run);
    } else {
      config = configFromOptions(opts);
      if (graphFile !== undefined) ({ graph, registry } = await loadGraphRun(graphFile));
      else {
        graph = ctarGraph(config);
        registry = builtinRegistry();
      }
    }
    const catalog = resolveCatalog(config);
    // A folder is checked file by file against its regeneration before its world is tested.
    const progress = new Progress(process.stderr, config.users);
    if (dir !== undefined) {
      progress.step(`verify: regenerating ${dir} to compare it file by file`);
      await compareWithRegeneration(dir, { config, graph, registry });
    }
    const report = verifyWorld({ graph, registry, config, catalog, alpha, onProgress: (n, pass) => progress.update(n, `verify: ${pass}`) });
    progress.clear();
    for (const [table, rows] of Object.entries(expectedRows)) {
      const got = report.emitted[table] ?? 0;
      if (got !== rows) {
        throw new InputError(`${dir}: the regenerated world does not match the folder: ${table} has ${rows} rows in the folder, ${got} regenerated (was the folder written by another version or graph?)`);
      }
    }
    if (opts["json"] === true) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else process.stdout.write(formatVerifyReport(report));
    if (!report.passed) {
      const n = report.results.filter((x) => x.verdict === "VIOLATED").length;
      throw new VerifyRejectedError(`verify: ${n} implied independence${n > 1 ? "s" : ""} rejected at α = ${report.alpha} (Bonferroni); see the table`);
    }
  });
}
