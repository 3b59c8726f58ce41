/**
 * Missingness classes of an m-graph by d-separation (Mohan, Pearl & Tian 2013, "Graphical
 * models for inference with missing data", NeurIPS 2013; the CTAR paper §4.2; docs/model.md#missingness-classes):
 *
 *   MCAR  if (V_m ∪ V_o ∪ N) ⊥ R
 *   MAR   if (V_m ∪ N) ⊥ R | V_o
 *   MNAR  otherwise.
 *
 * Per indicator R_X the same tests are run with R replaced by {R_X}. The left-hand sets hold the
 * variables only: the other indicators and all proxies are left out. Proxies are functions of
 * V_m and R (R_X's own proxy is its child, so including it would make every indicator
 * dependent), and whether one indicator depends on another is not part of either's class.
 * Because d-separation of sets decomposes into pairs for a fixed conditioning set, the graph's
 * class (the tests with all of R) is the worst class over its indicators; both are computed and
 * must agree.
 *
 * Deterministic nodes follow deterministic-closure.ts: a node flagged `deterministic` with
 * parents counts as given once its parents are. CTAR's R_R is MAR only because RecSys is a
 * deterministic function of the observed M; each answer that depends on such a flag says so in
 * `assumptions` (found by re-running the test with determinism off).
 */
import { dSeparation, formatTrail, type DSeparation } from "./d-separation.js";
import { indexGraph, type GraphIndex } from "./graph-index.js";
import { missingnessChannels, nodesInSet } from "./missingness-channels.js";
import type { MGraph } from "./mgraph.js";

export type MissingnessClass = "MCAR" | "MAR" | "MNAR";
const RANK: Record<MissingnessClass, number> = { MCAR: 0, MAR: 1, MNAR: 2 };

export function worstClass(classes: Iterable<MissingnessClass>): MissingnessClass {
  let w: MissingnessClass = "MCAR";
  for (const c of classes) if (RANK[c] > RANK[w]) w = c;
  return w;
}

/** A variable d-connected to the indicator, with the trail that connects it. */
export interface Connection {
  readonly node: string;
  readonly trail: string;
  /** Number of edges on the trail. */
  readonly length: number;
}

export interface IndicatorClassification {
  readonly indicator: string;
  /** The variables it masks and their proxies (usually one of each). */
  readonly variables: readonly string[];
  readonly proxies: readonly string[];
  readonly class: MissingnessClass;
  /** One line saying why: the independence (MCAR, MAR) or the d-connecting trails (MNAR). */
  readonly witness: string;
  /** The MCAR test: (V_m ∪ V_o ∪ N) ⊥ R_X. */
  readonly mcar: DSeparation;
  /** The MAR test: (V_m ∪ N) ⊥ R_X | V_o. */
  readonly mar: DSeparation;
  /** Variables of V_m ∪ N d-connected to the indicator given V_o (empty unless MNAR). */
  readonly connections: readonly Connection[];
  /** Deterministic flags the answer relies on (empty when it holds without them). */
  readonly assumptions: readonly string[];
}

export interface GraphClassification {
  readonly class: MissingnessClass;
  readonly indicators: readonly IndicatorClassification[];
  /** The whole-graph tests, with all of R. */
  readonly mcar: DSeparation;
  readonly mar: DSeparation;
  readonly assumptions: readonly string[];
}

export interface ClassifyOptions {
  /** Honour `deterministic` flags (default true). */
  readonly deterministic?: boolean;
}

function braces(names: readonly string[]): string {
  return `{${names.join(", ")}}`;
}

function classOf(mcar: DSeparation, mar: DSeparation): MissingnessClass {
  return mcar.separated ? "MCAR" : mar.separated ? "MAR" : "MNAR";
}

/** Classifies every indicator of g and the graph as a whole. */
export function classifyMissingness(g: MGraph, options: ClassifyOptions = {}): GraphClassification {
  const ix = indexGraph(g);
  const det = options.deterministic !== false;
  const vo = nodesInSet(g, "V_o");
  const vm = nodesInSet(g, "V_m");
  const n = nodesInSet(g, "N");
  const all = [...vm, ...vo, ...n].sort(byNodeOrder(ix));
  const hidden = [...vm, ...n].sort(byNodeOrder(ix));
  const channels = missingnessChannels(g);
  const opts = { deterministic: det };

  const indicators = nodesInSet(g, "R").map((r): IndicatorClassification => {
    const mcar = dSeparation(ix, all, [r], [], opts);
    const mar = dSeparation(ix, hidden, [r], vo, opts);
    const cls = classOf(mcar, mar);
    const connections: Connection[] = [];
    if (cls === "MNAR") {
      for (const v of hidden) {
        const d = dSeparation(ix, [v], [r], vo, opts);
        if (!d.separated && d.trail !== undefined) connections.push({ node: v, trail: formatTrail(d.trail), length: d.trail.steps.length });
      }
      connections.sort((a, b) => a.length - b.length); // stable: shortest trails first, then node order
    }
    const assumptions: string[] = [];
    if (det) {
      const plain = classOf(dSeparation(ix, all, [r], [], { deterministic: false }), dSeparation(ix, hidden, [r], vo, { deterministic: false }));
      if (plain !== cls) {
        const used = cls === "MCAR" ? mcar.determined : mar.determined;
        assumptions.push(
          `assumes ${used.map((d) => describeDeterministic(g, d)).join(" and ")}; without the flag ${r} is ${plain}`,
        );
      }
    }
    const mine = channels.filter((c) => c.indicator === r);
    return {
      indicator: r,
      variables: mine.map((c) => c.variable),
      proxies: mine.map((c) => c.proxy),
      class: cls,
      witness: witnessOf(cls, r, all, hidden, vo, mcar, mar, connections),
      mcar,
      mar,
      connections,
      assumptions,
    };
  });

  const rs = nodesInSet(g, "R");
  const mcar = dSeparation(ix, all, rs, [], opts);
  const mar = dSeparation(ix, hidden, rs, vo, opts);
  const cls = rs.length === 0 ? "MCAR" : classOf(mcar, mar);
  const worst = worstClass(indicators.map((i) => i.class));
  if (rs.length > 0 && cls !== worst) {
    // Cannot happen: d-separation of sets decomposes into pairs for a fixed conditioning set.
    throw new Error(`classifyMissingness: graph class ${cls} differs from the worst indicator class ${worst}`);
  }
  return { class: cls, indicators, mcar, mar, assumptions: [...new Set(indicators.flatMap((i) => i.assumptions))] };
}

function describeDeterministic(g: MGraph, name: string): string {
  const node = g.nodes.find((x) => x.name === name);
  const parents = node?.parents ?? [];
  return `${name} is determined by ${parents.join(", ")} (deterministic)`;
}

function witnessOf(
  cls: MissingnessClass,
  r: string,
  all: readonly string[],
  hidden: readonly string[],
  vo: readonly string[],
  mcar: DSeparation,
  mar: DSeparation,
  connections: readonly Connection[],
): string {
  if (cls === "MCAR") return `${r} ⊥ ${braces(all)}`;
  if (cls === "MAR") {
    const via = mcar.trail === undefined ? "" : `; not MCAR: ${formatTrail(mcar.trail)}`;
    const det = mar.determined.length > 0 ? ` (given by determinism: ${mar.determined.join(", ")})` : "";
    return `${r} ⊥ ${braces(hidden)} | ${braces(vo)}${det}${via}`;
  }
  return `d-connected given ${braces(vo)}: ${connections.map((c) => c.trail).join("; ")}`;
}

function byNodeOrder(ix: GraphIndex): (a: string, b: string) => number {
  return (a, b) => ix.id.get(a)! - ix.id.get(b)!;
}
