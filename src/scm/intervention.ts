/**
 * Interventions on the structural model (Pearl's do-operator on a mechanism): `NODE=MECHANISM[:params]`
 * replaces one node's mechanism, and its parents become what the new mechanism reads. Every other
 * node keeps its name, so (the engine keying each node's random stream by its name) everything the
 * intervention does not touch is generated from the same draws: same world, other observations.
 *
 * Syntax, e.g. for `ctar generate --do` and `ctar graph analyze --do`:
 *   R_R=uniform:0.02            R_R gets uniform-missingness with rate 0.02 (MCAR)
 *   R_O=uniform:0.007           the observational tags become MCAR
 *   RecSys=uniform              a recommender that exposes every movie alike (uniform-exposure)
 *   R_R=popularity-missingness:rate=0.05,temperature=100
 * `uniform` is an alias resolved by the node's current mechanism (a missingness node gets
 * uniform-missingness, an exposure node uniform-exposure); any registered kind may be named. A
 * single number is the kind's main parameter (`rate`); otherwise `key=value` pairs, comma-separated.
 */
import { ConfigError } from "../errors/errors.js";
import type { MGraph, MechanismSpec, NodeSpec } from "../graph/mgraph.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";

export interface Intervention {
  readonly node: string;
  readonly mechanism: MechanismSpec;
  /** The text it was parsed from (for messages and the record in config.json). */
  readonly text: string;
}

/** Aliases, resolved by the family of the node's current mechanism. */
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  uniform: { missingness: "uniform-missingness", exposure: "uniform-exposure" },
  popularity: { missingness: "popularity-missingness", exposure: "popularity-exposure" },
};

/** The family of a mechanism kind, for aliases. */
function familyOf(kind: string): string | undefined {
  if (kind.endsWith("-missingness")) return "missingness";
  if (kind.endsWith("-exposure")) return "exposure";
  return undefined;
}

/** The parameter a bare number sets. */
const MAIN_PARAMETER: Readonly<Record<string, string>> = {
  "uniform-missingness": "rate",
  "popularity-missingness": "rate",
  "selection-missingness": "rate",
};

/**
 * Kinds that read no parent and draw at random: the intervened node loses its incoming edges.
 * Not uniform-exposure: it is a constant, which the m-graph can only say as a deterministic function
 * of its parents (a parentless deterministic node is a plate index like U or M, see
 * graph/deterministic-closure.ts); so RecSys keeps M as its parent, and the analysis still
 * conditions it away with M (dropping the edge would make RecSys an unobserved cause and R_R MNAR).
 */
const PARENTLESS = new Set(["uniform-missingness", "randomized-survey"]);

/** Kinds whose value is a deterministic function of their parents (for d-separation). */
const DETERMINISTIC = new Set(["uniform-exposure", "popularity-exposure"]);

function parseValue(raw: string, where: string): unknown {
  const t = raw.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (t === "null") return null;
  const x = Number(t);
  if (t === "" || !Number.isFinite(x)) throw new ConfigError(`${where}: parameter value '${raw}' is not a number (expected a number, true, false or null)`);
  return x;
}

/**
 * Parses `NODE=MECHANISM[:param]`. `uniform`/`popularity` are resolved against `graph` (the node's
 * current mechanism family); without a graph they are kept as written and resolved by
 * `applyInterventions`. With a registry, an unknown mechanism kind is reported here.
 */
export function parseIntervention(text: string, graph?: MGraph, registry?: MechanismRegistry): Intervention {
  const where = `--do ${text}`;
  const eq = text.indexOf("=");
  if (eq <= 0) throw new ConfigError(`${where}: expected NODE=MECHANISM[:param] (e.g. R_R=uniform:0.02)`);
  const node = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1);
  const colon = rest.indexOf(":");
  const kind = (colon < 0 ? rest : rest.slice(0, colon)).trim();
  const paramText = colon < 0 ? undefined : rest.slice(colon + 1);
  if (kind === "") throw new ConfigError(`${where}: no mechanism after '=' (expected NODE=MECHANISM[:param], e.g. R_R=uniform:0.02)`);
  let resolved = kind;
  if (graph !== undefined) resolved = resolveKind(graph, node, kind, where);
  if (registry !== undefined && ALIASES[resolved] === undefined) checkKind(registry, resolved, where);
  let params: Record<string, unknown> | undefined;
  if (paramText !== undefined) {
    if (paramText.trim() === "") throw new ConfigError(`${where}: empty parameter after ':'`);
    params = {};
    if (!paramText.includes("=")) {
      const main = MAIN_PARAMETER[resolved] ?? (ALIASES[resolved] ? "rate" : undefined);
      if (main === undefined) throw new ConfigError(`${where}: mechanism '${resolved}' has no main parameter; give key=value pairs`);
      params[main] = parseValue(paramText, where);
    } else {
      for (const pair of paramText.split(",")) {
        const e = pair.indexOf("=");
        const key = e < 0 ? "" : pair.slice(0, e).trim();
        if (key === "") throw new ConfigError(`${where}: parameter '${pair}' is not key=value`);
        params[key] = parseValue(pair.slice(e + 1), where);
      }
    }
  }
  return { node, mechanism: params === undefined ? { kind: resolved } : { kind: resolved, params }, text };
}

function checkKind(registry: MechanismRegistry, kind: string, where: string): void {
  if (registry.get(kind) === undefined) throw new ConfigError(`${where}: unknown mechanism '${kind}' (known: ${registry.kinds().join(", ")}; alias: uniform, popularity)`);
}

function resolveKind(graph: MGraph, node: string, kind: string, where: string): string {
  const target = graph.nodes.find((n) => n.name === node);
  if (target === undefined) throw new ConfigError(`${where}: unknown node '${node}' (nodes: ${graph.nodes.map((n) => n.name).join(", ")})`);
  const alias = ALIASES[kind];
  if (alias === undefined) return kind;
  const family = familyOf(target.mechanism.kind);
  const k = family === undefined ? undefined : alias[family];
  if (k === undefined) {
    throw new ConfigError(`${where}: '${kind}' is not defined for node '${node}' (its mechanism '${target.mechanism.kind}' is neither a missingness nor an exposure; name a mechanism kind)`);
  }
  return k;
}

/**
 * The graph with each intervention applied, in order: the node's mechanism replaced, its parents
 * those the new mechanism reads: [] for uniform-missingness (MCAR) and randomized-survey; otherwise the
 * node's parents are kept (same kind with new parameters; uniform-exposure stays a function of M). With a registry, the kind, its plate and its parameters are
 * checked now (a ConfigError naming the `--do`), not when the engine reaches the node.
 */
export function applyInterventions(graph: MGraph, list: readonly Intervention[], registry?: MechanismRegistry): MGraph {
  let nodes: NodeSpec[] = [...graph.nodes];
  const seen = new Set<string>();
  for (const iv of list) {
    const where = `--do ${iv.text}`;
    const at = nodes.findIndex((n) => n.name === iv.node);
    if (at < 0) throw new ConfigError(`${where}: unknown node '${iv.node}' (nodes: ${nodes.map((n) => n.name).join(", ")})`);
    if (seen.has(iv.node)) throw new ConfigError(`${where}: node '${iv.node}' is intervened on twice`);
    seen.add(iv.node);
    const old = nodes[at]!;
    const kind = resolveKind({ name: graph.name, nodes }, iv.node, iv.mechanism.kind, where);
    const mechanism: MechanismSpec = iv.mechanism.params === undefined ? { kind } : { kind, params: iv.mechanism.params };
    if (registry !== undefined) {
      checkKind(registry, kind, where);
      const mech = registry.get(kind)!;
      if (!mech.plates.includes(old.plate)) {
        throw new ConfigError(`${where}: mechanism '${kind}' runs on plate ${mech.plates.join(" or ")}, but node '${old.name}' is on plate ${old.plate}`);
      }
      const parsed = mech.params.safeParse(mechanism.params ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = issue && issue.path.length > 0 ? ` '${issue.path.join(".")}'` : "";
        throw new ConfigError(`${where}: parameter${key} of '${kind}': ${issue?.message ?? "invalid"}`);
      }
    }
    const parents = PARENTLESS.has(kind) ? [] : [...old.parents];
    const { deterministic: _d, ...rest } = old;
    const deterministic = kind === old.mechanism.kind ? old.deterministic === true : DETERMINISTIC.has(kind);
    const replaced: NodeSpec = { ...rest, parents, mechanism, description: `do(${iv.text}): ${kind}`, ...(deterministic ? { deterministic: true } : {}) };
    nodes = nodes.map((n, i) => (i === at ? replaced : n));
  }
  return { name: list.length === 0 ? graph.name : `${graph.name} do(${list.map((i) => i.text).join("; ")})`, nodes };
}
