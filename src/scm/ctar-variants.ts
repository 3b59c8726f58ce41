/**
 * Named variants of the CTAR graph, one line each: the preset with interventions applied (the
 * `--do` syntax of scm/intervention.ts), so a variant keeps every node's name, stream and the
 * parameters its new mechanism shares with the old one (R_R's rate); a variant may also add nodes
 * (ctar-uplift's treatment and outcome). `ctar graph show --preset
 * NAME` prints one as a graph file to run with `ctar generate --graph`.
 */
import type { MGraph, NodeSpec } from "../graph/mgraph.js";
import { CLICK_NODES } from "../presets/click-world.js";
import { type MechanismRegistry, builtinRegistry } from "../mechanisms/registry.js";
import { UPLIFT_NODES } from "../presets/ctar-uplift.js";
import { applyInterventions, parseIntervention } from "./intervention.js";

export interface CtarVariant {
  /** One line: the bias it shows. */
  readonly description: string;
  /** The interventions that make it from the CTAR graph. */
  readonly interventions: readonly string[];
  /** Nodes it adds to the CTAR graph (after the interventions), with their own streams. */
  readonly adds?: readonly NodeSpec[];
}

export const CTAR_VARIANTS: Readonly<Record<string, CtarVariant>> = {
  "ctar-position": { description: "R_R under position bias (position-missingness, docs/model.md)", interventions: ["R_R=position-missingness"] },
  "ctar-uplift": { description: "recommendation as a treatment Rec with an outcome Y of two arms (rank-treatment, treatment-outcome; docs/tasks-uplift.md)", interventions: [], adds: UPLIFT_NODES },
  "ctar-clicks": { description: "clicks on a ranked list per user (position-based click model, docs/tasks-ranking.md)", interventions: [], adds: CLICK_NODES },
};

/** The variant `name` of a CTAR graph (the preset with a configuration's parameters). */
export function ctarVariant(name: string, ctar: MGraph, registry: MechanismRegistry = builtinRegistry()): MGraph {
  const v = CTAR_VARIANTS[name];
  if (v === undefined) throw new Error(`ctarVariant: no variant '${name}'`);
  const g = applyInterventions(ctar, v.interventions.map((t) => parseIntervention(t, ctar, registry)), registry);
  return { name, nodes: [...g.nodes, ...(v.adds ?? [])] };
}
