/**
 * What `ctar explore` computes on every edit, as JSON for the page: the graph's text in every
 * form (YAML, JSON, DAGitty), its drawing, validation problems, the missingness class of each
 * indicator with the edges of its witness trails (to highlight on the drawing), recoverability
 * with estimands, and d-separation queries. Pure apart from the Graphviz renderer it awaits; a
 * text that does not parse is an answer (`ok: false` with line and column), never a throw.
 */
import { CtarError } from "../errors/errors.js";
import { analyzeRecoverability } from "../graph/recoverability.js";
import { dSeparation, formatTrail, type Trail } from "../graph/d-separation.js";
import { graphToSpec, parseGraphSpec } from "../graph/graph-spec.js";
import { indexGraph } from "../graph/graph-index.js";
import type { MGraph } from "../graph/mgraph.js";
import { nodesInSet } from "../graph/missingness-channels.js";
import { classifyMissingness } from "../graph/missingness-class.js";
import { graphProblems } from "../graph/validate-graph.js";
import { formatGraphAs, GRAPH_TEXT_FORMATS, type GraphTextFormat, parseGraphTextAs } from "../graph/graph-text.js";
import { toDot } from "../report/draw-graph.js";
import { renderSvg } from "../report/render-svg.js";

export interface TextError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export interface ExploreContext {
  /** The `modules:` list of the command line's --graph file (as written); the page may keep it but not change it. */
  readonly modules: readonly string[];
  readonly knownMechanisms: ReadonlySet<string>;
}

export type ParsedText = { ok: true; graph: MGraph } | { ok: false; error: TextError };

/** "editor:3:7: what" → line 3, column 7. */
export function textError(e: unknown): TextError {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^[^:\n]*:(\d+):(\d+): /.exec(message);
  return m === null ? { message } : { message, line: Number(m[1]), column: Number(m[2]) };
}

/**
 * DAGitty has no place for a graph's name, mechanism parameters or descriptions: a DAGitty text
 * edited in the page takes them from the graph it was shown from (`base`), node by node, where the
 * node keeps its name and mechanism kind. So switching to DAGitty and back loses nothing.
 */
export function keepFromBase(g: MGraph, base: MGraph): MGraph {
  const old = new Map(base.nodes.map((n) => [n.name, n]));
  return {
    name: base.name,
    nodes: g.nodes.map((n) => {
      const b = old.get(n.name);
      if (b === undefined || b.mechanism.kind !== n.mechanism.kind) return n;
      return { ...n, mechanism: b.mechanism, ...(b.description === undefined ? {} : { description: b.description }) };
    }),
  };
}

export function parseEditorText(text: string, format: string, ctx: ExploreContext, base?: unknown): ParsedText {
  if (!(GRAPH_TEXT_FORMATS as readonly string[]).includes(format)) return { ok: false, error: { message: `format (got '${format}', expected one of ${GRAPH_TEXT_FORMATS.join(", ")})` } };
  try {
    const doc = parseGraphTextAs(text, "editor", format as GraphTextFormat);
    if (doc.modules.length > 0 && doc.modules.join("\n") !== ctx.modules.join("\n")) {
      return { ok: false, error: { message: "editor: modules: mechanism modules come only from the command line's --graph file; remove or restore this list" } };
    }
    if (format !== "dagitty" || base === undefined || base === null) return { ok: true, graph: doc.graph };
    return { ok: true, graph: keepFromBase(doc.graph, parseGraphSpec(base, "the page's previous graph")) };
  } catch (e) {
    if (e instanceof CtarError) return { ok: false, error: textError(e) };
    throw e;
  }
}

/** Every edge of a trail as [from, to] in the graph's direction. */
export function trailEdges(t: Trail): [string, string][] {
  const out: [string, string][] = [];
  let prev = t.start;
  for (const s of t.steps) {
    out.push(s.arrow === "→" ? [prev, s.node] : [s.node, prev]);
    prev = s.node;
  }
  return out;
}

function witnessesOf(g: MGraph): unknown[] {
  const c = classifyMissingness(g);
  const ix = indexGraph(g);
  const vo = nodesInSet(g, "V_o");
  return c.indicators.map((i) => {
    const trails = i.connections.map((k) => dSeparation(ix, [k.node], [i.indicator], vo).trail).filter((t): t is Trail => t !== undefined);
    return {
      indicator: i.indicator,
      variables: i.variables,
      class: i.class,
      witness: i.witness,
      assumptions: i.assumptions,
      trails: trails.map(formatTrail),
      // Only MNAR has witness trails (d-connections given V_o); they are what the page highlights.
      edges: trails.flatMap(trailEdges),
    };
  });
}

/** The page's whole view of a graph text. */
export async function analyzeText(text: string, format: string, ctx: ExploreContext, base?: unknown): Promise<Record<string, unknown>> {
  const parsed = parseEditorText(text, format, ctx, base);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const g = parsed.graph;
  const texts = Object.fromEntries(GRAPH_TEXT_FORMATS.map((f) => [f, formatGraphAs(g, f, ctx.modules)]));
  const problems = graphProblems(g, { knownMechanisms: ctx.knownMechanisms }).map((p) => ({ code: p.code, node: p.node, message: p.message }));
  const structural = problems.filter((p) => p.code !== "unknown-mechanism");
  let svg: string | undefined;
  try {
    svg = await renderSvg(toDot(g, { colour: true }));
  } catch (e) {
    if (!(e instanceof CtarError)) throw e;
  }
  const common = { ok: true, spec: graphToSpec(g, ctx.modules), texts, svg, problems };
  if (structural.length > 0) return { ...common, classes: [], recoverability: [], graphClass: undefined };
  const classes = witnessesOf(g);
  const recoverability = analyzeRecoverability(g).map((r) => ({ target: r.target, status: r.status, criterion: r.criterion, estimand: r.estimand, facts: r.facts, notes: r.notes }));
  return { ...common, graphClass: classifyMissingness(g).class, classes, recoverability };
}

/** X ⊥ Y | Z on the editor's graph; bad names or text are answers, not throws. */
export function dsepText(text: string, format: string, q: { x: string; y: string; given: string }, ctx: ExploreContext): Record<string, unknown> {
  // d-separation reads the structure only, which DAGitty keeps: no base needed.
  const parsed = parseEditorText(text, format, ctx);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const list = (s: string) =>
    s
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v.length > 0);
  try {
    const d = dSeparation(parsed.graph, list(q.x), list(q.y), list(q.given));
    return { ok: true, separated: d.separated, determined: d.determined, trail: d.trail === undefined ? undefined : formatTrail(d.trail), edges: d.trail === undefined ? [] : trailEdges(d.trail) };
  } catch (e) {
    if (e instanceof CtarError) return { ok: false, error: textError(e) };
    throw e;
  }
}
