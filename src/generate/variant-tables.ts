/**
 * The tables a variant world adds to the CTAR layout (docs/output.md#variant-tables): a world with
 * a treatment and a two-armed outcome (ctar-uplift) writes what Sato et al.'s protocol exposes —
 * T and Y of every pair, and on request the propensity — and the arms in closed form; a click world
 * (ctar-clicks) writes its click log and the click model in closed form. Which nodes make a world
 * one or the other is decided here only: the tasks, the generation and the readers ask this module.
 * A world without those nodes writes none of these files (the CTAR preset's output is unchanged).
 */
import { ConfigError } from "../errors/errors.js";
import type { MGraph, NodeSpec } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";

/** The treatment (value treatment-row) and the outcome (outcome-row) of an uplift world. */
export interface UpliftNodes {
  readonly treatment: string;
  readonly outcome: string;
}

/** The outcome node and its treatment parent, found by value shape, or why the graph has none. */
export function upliftNodesOf(graph: MGraph, registry: MechanismRegistry): UpliftNodes | { reason: string } {
  const shape = (name: string) => registry.get(graph.nodes.find((n) => n.name === name)?.mechanism.kind ?? "")?.value;
  const outcomes = graph.nodes.filter((n) => shape(n.name) === "outcome-row");
  if (outcomes.length === 0) return { reason: "its graph has no outcome node with two potential-outcome arms (like Y of ctar-uplift)" };
  if (outcomes.length > 1) return { reason: `its graph has ${outcomes.length} outcome nodes (${outcomes.map((n) => n.name).join(", ")}); the task reads one` };
  const y = outcomes[0]!;
  const treatment = y.parents.find((p) => shape(p) === "treatment-row");
  if (treatment === undefined) return { reason: `its outcome node '${y.name}' has no treatment parent (a node like Rec of ctar-uplift)` };
  return { treatment, outcome: y.name };
}

/** The click nodes of a click world, found by their mechanisms (the variant may rename them). */
export interface ClickNodes {
  readonly list: string;
  readonly exam: NodeSpec;
  readonly attraction: NodeSpec;
  readonly click: string;
}

export const CLICK_KINDS = ["logging-ranker", "position-examination", "graded-attractiveness", "click-proxy"] as const;

/** The click nodes, or the mechanisms the graph lacks. */
export function clickNodesIn(g: MGraph): ClickNodes | { missing: string[] } {
  const byKind = (kind: string) => g.nodes.find((n) => n.mechanism.kind === kind);
  const missing = CLICK_KINDS.filter((k) => byKind(k) === undefined);
  if (missing.length > 0) return { missing };
  return { list: byKind("logging-ranker")!.name, exam: byKind("position-examination")!, attraction: byKind("graded-attractiveness")!, click: byKind("click-proxy")!.name };
}

/** The generation's options for these tables (`ctar generate --propensity`). */
export interface VariantOptions {
  /** Write train/propensity.csv.gz: P(T = 1) of every pair (an uplift world only). */
  readonly propensity: boolean;
}

export const NO_VARIANT_OPTIONS: VariantOptions = { propensity: false };

/** The streamed files of an uplift world: T and Y of the listed pairs; every pair's propensity. */
export const TREATMENT_FILE = "train/treatment.csv";
export const PROPENSITY_FILE = "train/propensity.csv.gz";
/** The streamed files of a click world: the log, and what it hides. */
export const CLICK_LOG_FILE = "train/click.csv";
export const CLICK_TRUTH_FILE = "truth/click.csv";

/** The variant files streamed user by user for this world and options, in config.json's order. */
export function variantStreamedFiles(graph: MGraph, registry: MechanismRegistry, options: VariantOptions): string[] {
  const out: string[] = [];
  if (!("reason" in upliftNodesOf(graph, registry))) out.push(TREATMENT_FILE, ...(options.propensity ? [PROPENSITY_FILE] : []));
  if (!("missing" in clickNodesIn(graph))) out.push(CLICK_LOG_FILE, CLICK_TRUTH_FILE);
  return out;
}

/** The option is refused (ConfigError, exit 2) on a world that has no treatment to give a propensity of. */
export function checkVariantOptions(graph: MGraph, registry: MechanismRegistry, options: VariantOptions): void {
  if (!options.propensity) return;
  const found = upliftNodesOf(graph, registry);
  if ("reason" in found) {
    throw new ConfigError(
      `--propensity: writes P(T = 1) of a treatment, but ${found.reason}; generate a world of the ctar-uplift variant (ctar graph show --preset ctar-uplift > uplift.yaml; ctar generate --graph uplift.yaml --propensity --out DIR)`,
    );
  }
}
