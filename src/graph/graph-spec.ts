/**
 * The graph specification format (JSON or YAML, same shape): the schema of an m-graph file and
 * its normalisation to the MGraph value. Parsing is done once here, at the edge; the analysis
 * and the generator accept only the parsed value.
 *
 *   name: my-graph
 *   nodes:
 *     - name: R
 *       set: V_m                 # V_o | V_m | N | V* | R
 *       plate: user-movie        # movie | user | user-movie
 *       deterministic: false     # optional
 *       parents: [TL, Q]         # optional; in the order the mechanism reads them
 *       mechanism: { kind: rating, params: { mu: 0.7 } }   # or just `mechanism: rating`
 *       description: the rating  # optional
 *   edges:                       # optional, instead of or besides `parents`
 *     - [TL, R]
 *     - "Q -> R"                 # "->" or "→"
 *   modules: [./my-bias.mjs]     # optional: JS modules whose exports are mechanisms
 *                                # (paths relative to the graph file; see src/io/inputs/load-graph-run.ts)
 *
 * Edges are appended to the target's `parents` in the order listed. This module checks the
 * shape only; the graph rules (cycles, plates, proxies, …) are validate-graph.ts's.
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { MGRAPH_SETS, type MGraph, type MGraphSet, type NodeSpec, PLATES, type Plate } from "./mgraph.js";

const name = z.string().trim().min(1, "must be a non-empty name");

const mechanismSchema = z.union([
  z.string().trim().min(1, "must be a non-empty mechanism kind"),
  z.strictObject({ kind: name, params: z.record(z.string(), z.unknown()).optional() }),
]);

const nodeSchema = z.strictObject({
  name,
  set: z.enum(MGRAPH_SETS as [MGraphSet, ...MGraphSet[]]),
  plate: z.enum(PLATES as [Plate, ...Plate[]]),
  deterministic: z.boolean().optional(),
  parents: z.array(name).optional(),
  mechanism: mechanismSchema,
  description: z.string().optional(),
});

const EDGE_STRING = /^\s*(.+?)\s*(?:->|→)\s*(.+?)\s*$/;
const edgeSchema = z.union([
  z.tuple([name, name]),
  z.string().regex(EDGE_STRING, 'must be written "FROM -> TO"'),
  z.strictObject({ from: name, to: name }),
]);

export const graphSpecSchema = z.strictObject({
  name,
  nodes: z.array(nodeSchema).min(1, "must list at least one node"),
  edges: z.array(edgeSchema).optional(),
  modules: z.array(z.string().trim().min(1, "must be a non-empty module path")).optional(),
});

export type GraphSpec = z.infer<typeof graphSpecSchema>;

function edgeEnds(e: z.infer<typeof edgeSchema>): [string, string] {
  if (Array.isArray(e)) return [e[0], e[1]];
  if (typeof e === "string") {
    const m = EDGE_STRING.exec(e)!;
    return [m[1]!, m[2]!];
  }
  return [e.from, e.to];
}

/**
 * Parses a graph specification (already read from JSON or YAML) into an MGraph; `source` names
 * it in messages (a file name). Shape errors list every problem with its path.
 */
export function parseGraphSpec(value: unknown, source: string): MGraph {
  return parseGraphDocument(value, source).graph;
}

/** A parsed graph file: the graph and the mechanism modules it names (as written, unresolved). */
export interface GraphDocument {
  readonly graph: MGraph;
  readonly modules: readonly string[];
}

/** Like parseGraphSpec, keeping the file's `modules` list too. */
export function parseGraphDocument(value: unknown, source: string): GraphDocument {
  const r = graphSpecSchema.safeParse(value);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.length > 0 ? i.path.join(".") : "(top level)"}: ${i.message}`);
    throw new GraphError(`${source}: not a valid graph specification:\n${lines.join("\n")}`);
  }
  const spec = r.data;
  const parents = new Map<string, string[]>(spec.nodes.map((n) => [n.name, [...(n.parents ?? [])]]));
  (spec.edges ?? []).forEach((e, k) => {
    const [from, to] = edgeEnds(e);
    const list = parents.get(to);
    if (list === undefined) {
      throw new GraphError(`${source}: edges.${k}: edge ${from} -> ${to} points to unknown node '${to}' (expected one of ${spec.nodes.map((n) => n.name).join(", ")})`);
    }
    if (list.includes(from)) throw new GraphError(`${source}: edges.${k}: edge ${from} -> ${to} is listed twice (as a parent or an edge)`);
    list.push(from);
  });
  const graph: MGraph = {
    name: spec.name,
    nodes: spec.nodes.map((n): NodeSpec => {
      const mech = typeof n.mechanism === "string" ? { kind: n.mechanism } : n.mechanism;
      return {
        name: n.name,
        set: n.set,
        plate: n.plate,
        ...(n.deterministic === true ? { deterministic: true } : {}),
        parents: parents.get(n.name) ?? [],
        mechanism: mech.params === undefined ? { kind: mech.kind } : { kind: mech.kind, params: mech.params },
        ...(n.description === undefined ? {} : { description: n.description }),
      };
    }),
  };
  return { graph, modules: [...(spec.modules ?? [])] };
}

/**
 * The normalised specification of g (every node with `parents`, fields in a fixed order), for
 * printing; `modules` (when not empty) is kept as the file's last key.
 */
export function graphToSpec(g: MGraph, modules: readonly string[] = []): GraphSpec {
  return {
    name: g.name,
    nodes: g.nodes.map((n) => ({
      name: n.name,
      set: n.set,
      plate: n.plate,
      ...(n.deterministic === true ? { deterministic: true } : {}),
      parents: [...n.parents],
      mechanism: n.mechanism.params === undefined ? { kind: n.mechanism.kind } : { kind: n.mechanism.kind, params: { ...n.mechanism.params } },
      ...(n.description === undefined ? {} : { description: n.description }),
    })),
    ...(modules.length > 0 ? { modules: [...modules] } : {}),
  };
}
