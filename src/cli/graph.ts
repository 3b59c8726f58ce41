/**
 * `ctar graph …`: show, validate, query and draw m-graphs.
 *
 *   ctar graph show     [--preset ctar | --graph FILE] [--format json|yaml]
 *   ctar graph validate [--preset ctar | --graph FILE]
 *   ctar graph dsep X Y [--given Z1,Z2] [--preset ctar | --graph FILE] [--json] [--no-deterministic]
 *   ctar graph analyze  [--preset ctar | --graph FILE] [--json] [--no-deterministic] [--do NODE=MECH]
 *   ctar graph draw     [--preset ctar | --graph FILE] [--format svg|dot|mermaid] [--out FILE]
 *   ctar graph convert  FILE [--from dagitty|yaml|json] --to dagitty|yaml|json [--out FILE]
 *
 * With neither --preset nor --graph the CTAR preset is used. A graph file may name mechanism
 * modules (`modules:`); `validate` loads them, the analysis needs only the structure.
 */
import { decimalNumber } from "../config/number-text.js";
import type { Command } from "commander";
import { ConfigError } from "../errors/errors.js";
import { READ_CAPS, readInputText } from "../io/fs/input.js";
import { writeOutputFile } from "../io/fs/output.js";
import { analysisToJson, analyzeGraph } from "../graph/analyze-graph.js";
import { edgesOf } from "../graph/mgraph.js";
import { applyInterventions, parseIntervention } from "../scm/intervention.js";
import { dSeparation, formatTrail } from "../graph/d-separation.js";
import type { MGraph } from "../graph/mgraph.js";
import { graphProblems, validateGraph } from "../graph/validate-graph.js";
import { parseCtarConfig } from "../config/parse-config.js";
import {
  formatGraph,
  formatGraphAs,
  GRAPH_TEXT_FORMATS,
  graphFormatOf,
  parseGraphTextAs,
  readGraphDocument,
  readGraphFile,
  type GraphFormat,
} from "../io/inputs/graph-file.js";
import { loadGraphRun } from "../io/inputs/load-graph-run.js";
import { ctarGraph } from "../presets/ctar.js";
import { CTAR_VARIANTS, ctarVariant } from "../scm/ctar-variants.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { resolveCatalog } from "../io/inputs/resolve-catalog.js";
import { trialRun } from "../scm/trial-run.js";
import { formatAnalysis } from "../report/analysis-table.js";
import { toDot, toMermaid } from "../report/draw-graph.js";
import { renderSvg } from "../report/render-svg.js";

/**
 * The graph presets, by name. The CTAR preset carries the default configuration's mechanism
 * parameters, so `ctar graph show --preset ctar` prints a graph file one can edit and run.
 */
export const GRAPH_PRESETS: Readonly<Record<string, () => MGraph>> = {
  ctar: () => ctarGraph(parseCtarConfig({}, "the default configuration")),
  ...Object.fromEntries(Object.keys(CTAR_VARIANTS).map((v) => [v, () => ctarVariant(v, ctarGraph(parseCtarConfig({}, "the default configuration")))])),
};

/** The normalised specification text of a graph value (what `ctar graph show` prints). */
export function showGraph(g: MGraph, format: GraphFormat = "yaml", modules: readonly string[] = []): string {
  return formatGraph(g, format, modules);
}

interface SourceOptions {
  preset?: string;
  graph?: string;
}

function writeOut(file: string | undefined, text: string, what: string, inputs: readonly string[] = []): void {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  writeOutputFile(file, { what: `the ${what}`, option: "--out", inputs }, text);
}

function loadGraph(o: SourceOptions, presets: Readonly<Record<string, () => MGraph>>): MGraph {
  if (o.preset !== undefined && o.graph !== undefined) {
    throw new ConfigError("ctar graph: give either --preset or --graph, not both");
  }
  if (o.graph !== undefined) return readGraphFile(o.graph);
  const name = o.preset ?? "ctar";
  const make = presets[name];
  if (make === undefined) {
    throw new ConfigError(`ctar graph: unknown preset (got '${name}', expected one of ${Object.keys(presets).join(", ")})`);
  }
  return make();
}

function list(s: string): string[] {
  return s
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`ctar graph: ${flag} (got '${value}', expected one of ${allowed.join(", ")})`);
  }
  return value as T;
}

function withSource(c: Command): Command {
  return c
    .option("--preset <name>", "a built-in graph (default: ctar)")
    .option("--graph <file>", "a graph specification file (.json, .yaml)");
}

type Presets = Readonly<Record<string, () => MGraph>>;

export function registerGraph(program: Command, presets: Presets = GRAPH_PRESETS): void {
  const graph = program.command("graph").description("show, validate, query and draw m-graphs");
  registerShow(graph, presets);
  registerValidate(graph, presets);
  registerDsep(graph, presets);
  registerAnalyze(graph, presets);
  registerDraw(graph, presets);
  registerConvert(graph);
}

/** `ctar graph show`: the normalised specification. */
function registerShow(graph: Command, presets: Presets): void {
  withSource(graph.command("show").description("print a graph specification, normalised (every node with its parents)"))
    .option("--format <format>", "json or yaml", "yaml")
    .action((o: SourceOptions & { format: string }) => {
      const format = choice("--format", o.format, ["json", "yaml"] as const);
      if (o.graph !== undefined && o.preset === undefined) {
        const doc = readGraphDocument(o.graph);
        process.stdout.write(showGraph(doc.graph, format, doc.modules));
        return;
      }
      process.stdout.write(showGraph(loadGraph(o, presets), format));
    });
}

/** `ctar graph validate`: every problem, then a trial run of every mechanism. */
function registerValidate(graph: Command, presets: Presets): void {
  withSource(graph.command("validate").description("check a graph and list every problem: structure, m-graph rules, mechanisms (with --graph: its modules'), and a trial run of every mechanism"))
    .option("--users <n>", "the trial's users, as `generate --users` (default: 1000)")
    .option("--movies <n>", "the trial's movies, as `generate --movies` (default: 1000)")
    .action(async (o: SourceOptions & { users?: string; movies?: string }) => {
      let g: MGraph;
      let registry = builtinRegistry();
      let extra = "";
      if (o.graph !== undefined && o.preset === undefined) {
        // Loads the file's `modules` too: every mechanism kind must be known and accept its parameters.
        const run = await loadGraphRun(o.graph, { ctarLayout: false });
        ({ graph: g, registry } = run);
        extra = run.modules.length > 0 ? `; ${run.modules.length} mechanism module${run.modules.length > 1 ? "s" : ""} loaded` : "";
      } else {
        g = loadGraph(o, presets);
        if (graphProblems(g).length > 0) validateGraph(g); // throws, listing them all
      }
      // What `generate` checks only when it runs (a mechanism's parents, its dimensions): a trial run.
      // the sizes generate would be given: a graph that validates at them is one generate accepts at them
      const sizes: Record<string, number> = {};
      for (const key of ["users", "movies"] as const) {
        const raw = o[key];
        if (raw === undefined) continue;
        const n = decimalNumber(raw);
        if (n === undefined) throw new ConfigError(`--${key}: expected a number (got '${raw}')`);
        sizes[key] = n;
      }
      const given = Object.keys(sizes).length > 0;
      const config = parseCtarConfig(sizes, given ? "flags" : "the default configuration");
      trialRun(g, registry, config, resolveCatalog(config), o.graph ?? `preset ${o.preset ?? "ctar"}`);
      process.stdout.write(`graph '${g.name}': valid (${g.nodes.length} nodes${extra}; every mechanism ran on a trial of ${given ? "" : "the default "}${config.users} users × ${config.movies} movies)\n`);
    });
}

/** `ctar graph dsep X Y`: is X ⊥ Y | Z implied? */
function registerDsep(graph: Command, presets: Presets): void {
  withSource(graph.command("dsep").description("is X ⊥ Y | Z implied by the graph? prints true or false"))
    .argument("<x>", "a node or comma list")
    .argument("<y>", "a node or comma list")
    .option("--given <z>", "conditioning set, comma list", "")
    .option("--json", "print details as JSON")
    .option("--no-deterministic", "ignore deterministic flags (plain d-separation)")
    .action((x: string, y: string, o: SourceOptions & { given: string; json?: boolean; deterministic: boolean }) => {
      const g = validateGraph(loadGraph(o, presets));
      // X and Y name at least one node each: an empty set is separated from anything, which answers nothing
      for (const [what, text] of [["<x>", x], ["<y>", y]] as const) {
        if (list(text).length === 0) throw new ConfigError(`graph dsep: ${what} names no node (got '${text}'; expected a node or a comma list of nodes)`);
      }
      const d = dSeparation(g, list(x), list(y), list(o.given), { deterministic: o.deterministic });
      if (o.json === true) {
        const out = { ...d, deterministic: o.deterministic, trail: d.trail === undefined ? undefined : formatTrail(d.trail) };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        process.stdout.write(`${d.separated}\n`);
      }
    });
}

/** `ctar graph analyze`: missingness classes and recoverability, optionally under interventions. */
function registerAnalyze(graph: Command, presets: Presets): void {
  withSource(graph.command("analyze").description("missingness class per indicator, witnesses, and recoverability"))
    .option("--json", "print the analysis as JSON")
    .option("--no-deterministic", "ignore deterministic flags")
    .option(
      "--do <NODE=MECHANISM[:param]>",
      "analyse under an intervention (repeatable), e.g. R_R=uniform:0.02; prints the cut edges",
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .action(async (o: SourceOptions & { json?: boolean; deterministic: boolean; do: string[] }) => {
      let base: MGraph;
      let registry = builtinRegistry();
      if (o.do.length > 0 && o.graph !== undefined && o.preset === undefined) {
        // The interventions are checked as `generate` checks them: against the file's mechanisms too.
        ({ graph: base, registry } = await loadGraphRun(o.graph, { ctarLayout: false }));
      } else base = loadGraph(o, presets);
      const interventions = o.do.map((t) => parseIntervention(t, base, registry));
      const g = applyInterventions(base, interventions, registry);
      const kept = new Set(edgesOf(g).map((e) => `${e.from}→${e.to}`));
      const cut = edgesOf(base).filter((e) => !kept.has(`${e.from}→${e.to}`));
      const a = analyzeGraph(g, { deterministic: o.deterministic });
      if (o.json === true) {
        const out = { ...(analysisToJson(a) as object), interventions: interventions.map((i) => i.text), cutEdges: cut };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      const head =
        interventions.length === 0
          ? ""
          : `interventions: ${interventions.map((i) => `do(${i.text})`).join(", ")}\ncut edges: ${cut.map((e) => `${e.from} → ${e.to}`).join(", ") || "none"}\n\n`;
      process.stdout.write(head + formatAnalysis(a));
    });
}

/** `ctar graph draw`: SVG, DOT or Mermaid. */
function registerDraw(graph: Command, presets: Presets): void {
  withSource(graph.command("draw").description("draw a graph in the style of the paper's Figure 4"))
    .option("--format <format>", "svg, dot or mermaid", "svg")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--no-legend", "leave the legend out (dot, svg)")
    .action(async (o: SourceOptions & { format: string; out?: string; legend: boolean }) => {
      const format = choice("--format", o.format, ["svg", "dot", "mermaid"] as const);
      const g = validateGraph(loadGraph(o, presets));
      const text = format === "mermaid" ? toMermaid(g) : format === "dot" ? toDot(g, { legend: o.legend }) : await renderSvg(toDot(g, { legend: o.legend }));
      writeOut(o.out, text, "drawing", o.graph === undefined ? [] : [o.graph]);
    });
}

/** `ctar graph convert FILE`: between YAML, JSON and DAGitty. */
function registerConvert(graph: Command): void {
  graph
    .command("convert")
    .description("convert a graph between YAML, JSON and DAGitty syntax")
    .argument("<file>", "the graph to read")
    .option("--from <format>", "dagitty, yaml or json (default: from the extension: .dagitty/.dag, .json, else yaml)")
    .requiredOption("--to <format>", "dagitty, yaml or json")
    .option("--out <file>", "write to this file instead of standard output")
    .action((file: string, o: { from?: string; to: string; out?: string }) => {
      const from = o.from === undefined ? graphFormatOf(file) : choice("--from", o.from, GRAPH_TEXT_FORMATS);
      const to = choice("--to", o.to, GRAPH_TEXT_FORMATS);
      const text = readInputText(file, READ_CAPS.graph, "a graph file (DAGitty, YAML or JSON)");
      const doc = parseGraphTextAs(text, file, from);
      writeOut(o.out, formatGraphAs(doc.graph, to, doc.modules), "graph", [file]);
    });
}
