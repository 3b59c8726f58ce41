/**
 * What the browser page generates (docs/browser.md): the graph typed into it, checked as
 * `ctar generate --graph FILE` checks a graph file (src/io/inputs/load-graph-run.ts), with `--do`
 * interventions, and the record config.json keeps of it — so the page's files are the bytes of
 * `ctar generate --graph FILE`, FILE being the text the page offers as "download graph", saved
 * beside the dataset folder. The CTAR preset's own text, unedited, is generated as the preset
 * (`ctar generate` without --graph). Only built-in mechanisms: a page cannot import a module.
 */
import type { CtarConfig } from "../config/ctar-config.js";
import { GraphError } from "../errors/errors.js";
import { parseGraphDocumentText } from "../graph/graph-text.js";
import type { MGraph } from "../graph/mgraph.js";
import { graphProblems } from "../graph/validate-graph.js";
import { checkMechanism } from "../mechanisms/check-mechanism.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { ctarGraph } from "../presets/ctar.js";
import { ctarLayoutProblems } from "../scm/ctar-layout.js";
import { applyInterventions, parseIntervention } from "../scm/intervention.js";

/** The graph the page asks for: none (the preset), or a graph file's text and the name it is saved under. */
export interface PageGraph {
  /** YAML or JSON text, as "download graph" saves it (a DAGitty text is sent in its YAML form). */
  readonly text: string;
  /** The file name, e.g. `ctar.yaml`; its extension picks the parser, as for the CLI. */
  readonly file: string;
}

export interface PageRunAsk {
  readonly graph?: PageGraph;
  /** `--do` texts, in order. */
  readonly interventions: readonly string[];
  readonly truth: "basic" | "full";
  readonly format: "csv" | "parquet";
}

export interface PageRun {
  readonly graph: MGraph;
  /** What config.json records besides the world (truth, format, interventions, graph file), in the CLI's key order. */
  readonly record: Record<string, unknown>;
}

/**
 * The graph a page run generates, checked; throws a CtarError naming the node or the intervention.
 * `sha256` hashes the graph file's text for the record (crypto.subtle in a browser).
 */
export async function pageRun(config: CtarConfig, ask: PageRunAsk, sha256: (bytes: Uint8Array) => Promise<string>): Promise<PageRun> {
  const registry = builtinRegistry();
  const base = ask.graph === undefined ? ctarGraph(config) : checkedGraph(ask.graph);
  const interventions = ask.interventions.map((t) => parseIntervention(t, base, registry));
  const graph = applyInterventions(base, interventions, registry);
  const graphFile =
    ask.graph === undefined
      ? {}
      : {
          // the CLI records the graph file relative to the dataset folder: here, saved beside it
          graphFile: { path: `../${ask.graph.file}`, sha256: await sha256(new TextEncoder().encode(ask.graph.text)), text: ask.graph.text },
          modules: [],
        };
  const record = {
    truth: ask.truth,
    ...(ask.format === "csv" ? {} : { format: ask.format }),
    interventions: interventions.map((i) => ({ node: i.node, mechanism: i.mechanism, text: i.text })),
    ...graphFile,
    catalog: { kind: "builtin", seed: config.catalogSeed },
  };
  return { graph, record };
}

/** The page's graph text checked as a graph file is (load-graph-run.ts), built-in mechanisms only. */
export function checkedGraph(g: PageGraph): MGraph {
  const doc = parseGraphDocumentText(g.text, g.file);
  const registry = builtinRegistry();
  if (doc.modules.length > 0) throw new GraphError(`${g.file}: modules: a page cannot load mechanism modules (generate this graph with ctar generate --graph ${g.file})`);
  for (const n of doc.graph.nodes) {
    if (registry.get(n.mechanism.kind) === undefined) {
      throw new GraphError(`${g.file}: node '${n.name}': mechanism '${n.mechanism.kind}' is not built into ctar, and a page cannot load mechanism modules (generate this graph with ctar generate --graph ${g.file})`);
    }
  }
  const problems = graphProblems(doc.graph, { knownMechanisms: new Set(registry.kinds()) });
  if (problems.length > 0) throw new GraphError(`${g.file}: graph '${doc.graph.name}' is not valid:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`);
  for (const n of doc.graph.nodes) checkMechanism(n, registry, `${g.file}: node '${n.name}'`);
  const layout = ctarLayoutProblems(doc.graph, registry);
  if (layout.length > 0) throw new GraphError(`${g.file}: graph '${doc.graph.name}' cannot be written in the CTAR layout:\n${layout.map((p) => `  - ${p}`).join("\n")}`);
  return doc.graph;
}
