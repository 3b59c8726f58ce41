/**
 * Validation of an m-graph: structure (unique names, known parents, no cycle), mechanisms
 * (known kinds, when the caller gives the registry's kinds), plates, and the m-graph rules of
 * Mohan, Pearl & Tian 2013 ("Graphical models for inference with missing data", NeurIPS), §2:
 *
 * - a proxy X* (V*) has exactly the parents {X, R_X} with X ∈ V_m and R_X ∈ R, and no children;
 * - each indicator (R) is the indicator of exactly one proxy;
 * - each X ∈ V_m has at least one (indicator, proxy) pair. The paper has exactly one pair per X,
 *   but CTAR observes TL through two (R_RCT/RCT* and R_O/O*, the paper's Figure 4), so several
 *   pairs per V_m variable are allowed — one proxy per indicator;
 * - no indicator is a parent of a variable of V_o, V_m or N (missingness does not cause the
 *   variables; the paper's assumption). Indicators may be parents of proxies and of other indicators.
 *
 * `graphProblems` lists every problem; `validateGraph` throws one GraphError listing them all.
 */
import { GraphError } from "../errors/errors.js";
import { type MGraph, type NodeSpec, plateContains } from "./mgraph.js";

export interface GraphProblem {
  /** A stable code, for tests and tools. */
  readonly code:
    | "empty-name"
    | "duplicate-node"
    | "unknown-parent"
    | "duplicate-parent"
    | "cycle"
    | "unknown-mechanism"
    | "plate"
    | "proxy-parents"
    | "proxy-children"
    | "indicator-proxies"
    | "indicator-parent-of-variable"
    | "variable-unobserved";
  readonly node?: string;
  readonly message: string;
}

export interface ValidateOptions {
  /** The mechanism kinds the generator knows; when given, any other kind is a problem. */
  readonly knownMechanisms?: ReadonlySet<string>;
}

type AddProblem = (code: GraphProblem["code"], node: string | undefined, what: string) => void;

/** Every problem of `g`, in a stable order (empty when the graph is valid). */
export function graphProblems(g: MGraph, options: ValidateOptions = {}): GraphProblem[] {
  const out: GraphProblem[] = [];
  const add: AddProblem = (code, node, what) => {
    out.push(node === undefined ? { code, message: what } : { code, node, message: what });
  };
  if (g.name.trim() === "") add("empty-name", undefined, "the graph has an empty name");
  const byName = new Map<string, NodeSpec>();
  for (const n of g.nodes) {
    if (n.name.trim() === "") add("empty-name", n.name, "a node has an empty name");
    if (byName.has(n.name)) add("duplicate-node", n.name, `node '${n.name}' is declared more than once`);
    else byName.set(n.name, n);
  }
  const children = edgeProblems(g, byName, options, add);
  const cycle = findCycle(g, byName);
  if (cycle !== undefined) add("cycle", cycle[0], `the graph has a cycle: ${cycle.join(" → ")}`);
  mGraphRuleProblems(g, byName, children, add);
  return out;
}

/** Each node's parent list (known, distinct, on a contained plate, not an indicator of a variable) and mechanism; returns the children of every node. */
function edgeProblems(g: MGraph, byName: ReadonlyMap<string, NodeSpec>, options: ValidateOptions, add: AddProblem): Map<string, string[]> {
  const children = new Map<string, string[]>(g.nodes.map((n) => [n.name, []]));
  for (const n of g.nodes) {
    const seen = new Set<string>();
    for (const p of n.parents) {
      if (seen.has(p)) add("duplicate-parent", n.name, `node '${n.name}' lists parent '${p}' more than once`);
      seen.add(p);
      const parent = byName.get(p);
      if (parent === undefined) {
        add("unknown-parent", n.name, `node '${n.name}' has unknown parent '${p}' (expected one of ${[...byName.keys()].join(", ")})`);
        continue;
      }
      children.get(p)?.push(n.name);
      if (!plateContains(n.plate, parent.plate)) {
        add(
          "plate",
          n.name,
          `node '${n.name}' on plate '${n.plate}' cannot read parent '${p}' on plate '${parent.plate}' (a node's plate must contain its parents' plates: user-movie contains user and movie; user and movie are disjoint)`,
        );
      }
      if (parent.set === "R" && (n.set === "V_o" || n.set === "V_m" || n.set === "N")) {
        add(
          "indicator-parent-of-variable",
          n.name,
          `indicator '${p}' is a parent of '${n.name}' (set ${n.set}); indicators may be parents of proxies and other indicators only`,
        );
      }
    }
    if (options.knownMechanisms !== undefined && !options.knownMechanisms.has(n.mechanism.kind)) {
      add(
        "unknown-mechanism",
        n.name,
        `node '${n.name}' has unknown mechanism kind '${n.mechanism.kind}' (expected one of ${[...options.knownMechanisms].sort().join(", ")})`,
      );
    }
  }
  return children;
}

/** The m-graph rules of the header: proxies' parents and children, one proxy per indicator, a channel per V_m variable. */
function mGraphRuleProblems(g: MGraph, byName: ReadonlyMap<string, NodeSpec>, children: ReadonlyMap<string, string[]>, add: AddProblem): void {
  const proxiesOfIndicator = new Map<string, string[]>();
  const channelsOfVariable = new Map<string, number>();
  for (const n of g.nodes) {
    if (n.set === "R") proxiesOfIndicator.set(n.name, []);
    if (n.set === "V_m") channelsOfVariable.set(n.name, 0);
  }
  for (const n of g.nodes) {
    if (n.set !== "V*") continue;
    const vm = n.parents.filter((p) => byName.get(p)?.set === "V_m");
    const r = n.parents.filter((p) => byName.get(p)?.set === "R");
    const distinct = new Set(n.parents).size;
    if (vm.length !== 1 || r.length !== 1 || distinct !== 2) {
      add(
        "proxy-parents",
        n.name,
        `proxy '${n.name}' must have exactly two parents, one variable X in V_m and its indicator R_X in R (got [${n.parents.join(", ")}])`,
      );
    } else {
      proxiesOfIndicator.get(r[0]!)?.push(n.name);
      channelsOfVariable.set(vm[0]!, (channelsOfVariable.get(vm[0]!) ?? 0) + 1);
    }
    const kids = children.get(n.name) ?? [];
    if (kids.length > 0) add("proxy-children", n.name, `proxy '${n.name}' must have no children (got ${kids.join(", ")})`);
  }
  for (const [r, proxies] of proxiesOfIndicator) {
    if (proxies.length !== 1) {
      add(
        "indicator-proxies",
        r,
        `indicator '${r}' must be the indicator of exactly one proxy (got ${proxies.length === 0 ? "none" : proxies.join(", ")})`,
      );
    }
  }
  for (const [x, k] of channelsOfVariable) {
    if (k === 0) {
      add(
        "variable-unobserved",
        x,
        `partially observed variable '${x}' has no (indicator, proxy) pair (expected a proxy node in V* with parents ${x} and an indicator in R; a never-observed variable belongs in N)`,
      );
    }
  }
}

/** Returns `g` when it is valid, else throws a GraphError listing every problem. */
export function validateGraph(g: MGraph, options: ValidateOptions = {}): MGraph {
  const problems = graphProblems(g, options);
  if (problems.length === 1) throw new GraphError(`graph '${g.name}': ${problems[0]!.message}`);
  if (problems.length > 1) {
    throw new GraphError(`graph '${g.name}': ${problems.length} problems:\n${problems.map((p) => `  - ${p.message}`).join("\n")}`);
  }
  return g;
}

/** A directed cycle, as node names in arrow order with the first repeated at the end; unknown parents are ignored. */
function findCycle(g: MGraph, byName: ReadonlyMap<string, NodeSpec>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1 on the stack, 2 done
  for (const root of g.nodes) {
    if (state.has(root.name)) continue;
    // Iterative DFS over parent edges; a back edge closes a cycle (read in reverse = arrow order).
    const path: string[] = [root.name];
    const iters: number[] = [0];
    state.set(root.name, 1);
    while (path.length > 0) {
      const v = path[path.length - 1]!;
      const parents = byName.get(v)?.parents ?? [];
      const k = iters[iters.length - 1]!;
      if (k >= parents.length) {
        state.set(v, 2);
        path.pop();
        iters.pop();
        continue;
      }
      iters[iters.length - 1] = k + 1;
      const p = parents[k]!;
      if (!byName.has(p)) continue;
      const s = state.get(p);
      if (s === 1) {
        const cyc = path.slice(path.indexOf(p));
        return [...cyc, p].reverse();
      }
      if (s === undefined) {
        state.set(p, 1);
        path.push(p);
        iters.push(0);
      }
    }
  }
  return undefined;
}
