/**
 * The m-graph analysis behind `ctar graph analyze`: the missingness class of each indicator and
 * of the graph (missingness-class.ts) and the recoverability of each partially observed
 * variable's distribution and of the joint (recoverability.ts), with the assumptions they use.
 */
import { classifyMissingness, type GraphClassification } from "./missingness-class.js";
import type { MGraph } from "./mgraph.js";
import { analyzeRecoverability, type Recovery } from "./recoverability.js";
import { validateGraph } from "./validate-graph.js";

export interface GraphAnalysis {
  readonly graph: string;
  readonly deterministic: boolean;
  readonly classification: GraphClassification;
  readonly recoverability: readonly Recovery[];
  /** Every assumption the answers rely on (from deterministic flags), one line each. */
  readonly assumptions: readonly string[];
}

export interface AnalyzeOptions {
  /** Honour `deterministic` flags (default true). */
  readonly deterministic?: boolean;
}

/** Validates g, then classifies and checks recoverability. */
export function analyzeGraph(g: MGraph, options: AnalyzeOptions = {}): GraphAnalysis {
  validateGraph(g);
  const deterministic = options.deterministic !== false;
  const classification = classifyMissingness(g, { deterministic });
  const recoverability = analyzeRecoverability(g, { deterministic });
  const assumptions = classification.indicators.flatMap((i) => i.assumptions.map((a) => `${i.indicator}: ${a}`));
  if (!deterministic) assumptions.push("deterministic flags ignored: every node is treated as a random function of its parents");
  return { graph: g.name, deterministic, classification, recoverability, assumptions };
}

/** A JSON-ready summary (no internal objects), for `--json`. */
export function analysisToJson(a: GraphAnalysis): unknown {
  return {
    graph: a.graph,
    deterministic: a.deterministic,
    class: a.classification.class,
    indicators: a.classification.indicators.map((i) => ({
      indicator: i.indicator,
      variables: i.variables,
      proxies: i.proxies,
      class: i.class,
      witness: i.witness,
      mcar: { separated: i.mcar.separated, x: i.mcar.x, given: i.mcar.given },
      mar: { separated: i.mar.separated, x: i.mar.x, given: i.mar.given, determined: i.mar.determined },
      connections: i.connections.map((c) => ({ node: c.node, trail: c.trail })),
      assumptions: i.assumptions,
    })),
    recoverability: a.recoverability.map((r) => ({ ...r })),
    assumptions: a.assumptions,
  };
}
