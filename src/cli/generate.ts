/** `ctar generate`: one CTAR dataset, written atomically in the released layout. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { type Dataset, generateDataset } from "../generate/generate.js";
import { checkTarget, writeDirAtomically } from "../io/atomic-dir.js";
import { FULL_TRUTH_FILE, FullTruthWriter } from "../io/full-truth-writer.js";
import { resolveCatalog } from "../io/resolve-catalog.js";
import { loadGraphRun } from "../io/load-graph-run.js";
import { writeDataset } from "../io/write-dataset.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { ctarGraph } from "../presets/ctar.js";
import { applyInterventions, parseIntervention } from "../scm/intervention.js";
import { mechanismFlagsGiven } from "../scm/mechanism-options.js";
import { addConfigOptions, configFromOptions } from "./config-options.js";

const TRUTH_LEVELS = ["basic", "full"] as const;

export function registerGenerate(program: Command): void {
  const cmd = program
    .command("generate")
    .description("generate a CTAR dataset (train/, test/, truth/, config.json) from the m-graph")
    .requiredOption("--out <dir>", "output folder (created; must be empty unless --force)")
    .option("--force", "replace a non-empty output folder", false)
    .option("--quiet", "print nothing but errors", false)
    .option(
      "--do <NODE=MECHANISM[:param]>",
      "intervention: replace a node's mechanism, e.g. R_R=uniform:0.02, R_O=uniform:0.007, RecSys=uniform (repeatable; every other random stream is kept)",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option("--graph <file>", "run this m-graph file (JSON/YAML, with the mechanism modules it names) instead of the CTAR preset; mechanism parameters come from the file")
    .option("--truth <level>", "'basic' (truth/*.csv) or 'full' (also truth/full.csv.gz: every (user, movie) before missingness)", "basic");
  addConfigOptions(cmd);
  cmd.action(async (opts: Record<string, unknown>) => {
    const config = configFromOptions(opts);
    const quiet = opts["quiet"] === true;
    const out = String(opts["out"]);
    const truth = String(opts["truth"]);
    if (!(TRUTH_LEVELS as readonly string[]).includes(truth)) throw new ConfigError(`--truth: unknown level '${truth}' (expected ${TRUTH_LEVELS.join(" or ")})`);
    const t0 = performance.now();
    const warn = (m: string) => process.stderr.write(`ctar: warning: ${m}\n`);
    const graphFile = typeof opts["graph"] === "string" ? opts["graph"] : undefined;
    const ignored = mechanismFlagsGiven(opts);
    if (graphFile !== undefined && ignored.length > 0) {
      throw new ConfigError(`--${ignored[0]} sets a mechanism parameter of the CTAR preset; with --graph ${graphFile} the parameters come from the graph file (edit it instead)`);
    }
    const fromFile = graphFile === undefined ? undefined : await loadGraphRun(graphFile);
    const registry = fromFile?.registry ?? builtinRegistry();
    const preset = fromFile?.graph ?? ctarGraph(config);
    const interventions = (opts["do"] as string[]).map((t) => parseIntervention(t, preset, registry));
    const graph = applyInterventions(preset, interventions, registry);
    const record = {
      truth,
      interventions: interventions.map((i) => ({ node: i.node, mechanism: i.mechanism, text: i.text })),
      ...(fromFile === undefined ? {} : { graphFile: fromFile.file, modules: fromFile.modules }),
    };
    // Validate the target before any work, so a refused --out costs nothing.
    checkTarget(out, opts["force"] === true);
    const catalog = resolveCatalog(config);
    let files: Record<string, { rows: number }> = {};
    // Generation runs inside the transaction, so the target's lock is held from the start: a
    // second writer fails at once, not after this one's work.
    await writeDirAtomically(out, opts["force"] === true, (tmp) => {
      const more: Record<string, { rows: number }> = {};
      let dataset: Dataset | undefined = truth === "full" ? undefined : generateDataset(config, catalog, { warn, graph, registry });
      if (dataset === undefined) {
        // The complete data is streamed user by user while the engine runs.
        mkdirSync(join(tmp, "truth"), { recursive: true });
        const full = new FullTruthWriter(join(tmp, FULL_TRUTH_FILE), config.movies);
        try {
          dataset = generateDataset(config, catalog, { warn, graph, registry, observeUser: full.observe });
        } finally {
          more[FULL_TRUTH_FILE] = { rows: full.close() };
        }
      }
      files = writeDataset(tmp, dataset, record, more);
    });
    if (!quiet) {
      const secs = (performance.now() - t0) / 1000;
      const dos = interventions.length > 0 ? `, ${interventions.map((i) => `do(${i.text})`).join(", ")}` : "";
      process.stdout.write(`ctar: wrote ${out} (${config.users} users × ${config.movies} movies, seed ${config.seed}${dos}) in ${secs.toFixed(2)} s\n`);
      for (const [f, { rows }] of Object.entries(files)) process.stdout.write(`  ${f.padEnd(26)} ${rows} rows\n`);
    }
  });
}
