/**
 * Interventions on the structural model (Pearl's do-operator on a mechanism): `NODE=MECHANISM[:params]`
 * replaces one node's mechanism, and its parents become what the new mechanism reads. Every other
 * node keeps its name, so (the engine keying each node's random stream by its name) everything the
 * intervention does not touch is generated from the same draws: same world, other observations.
 *
 * Syntax, e.g. for `ctar generate --do` and `ctar graph analyze --do`:
 *   R_R=uniform:0.02            R_R gets uniform-missingness with rate 0.02 (MCAR)
 *   R_O=uniform                 the observational tags become MCAR at R_O's current rate
 *   RecSys=uniform              a recommender that exposes every movie alike (uniform-exposure)
 *   R_R=popularity-missingness:rate=0.05,temperature=100
 * Everything here comes from the facts the mechanisms declare (mechanisms/mechanism.ts): an alias
 * (`uniform`, `popularity`) names the mechanism of the node's current family with that alias; a
 * single number sets the kind's main parameter; the parents are dropped when the new mechanism
 * reads none; `deterministic` is the new mechanism's. Parameters not given carry over from the
 * node's current mechanism where the new one has a parameter of the same name that accepts the
 * value (`R_O=uniform` keeps R_O's rate), and otherwise take the new mechanism's defaults.
 */
import { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import type { MGraph, MechanismSpec, NodeSpec } from "../graph/mgraph.js";
import { checkMechanism, unknownMechanism } from "../mechanisms/check-mechanism.js";
import { type Mechanism, factsOf } from "../mechanisms/mechanism.js";
import { type MechanismRegistry, builtinRegistry } from "../mechanisms/registry.js";

export interface Intervention {
  readonly node: string;
  readonly mechanism: MechanismSpec;
  /** The text it was parsed from (for messages and the record in config.json). */
  readonly text: string;
}

function parseValue(raw: string, where: string): unknown {
  const t = raw.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (t === "null") return null;
  const x = Number(t);
  if (t === "" || !Number.isFinite(x)) throw new ConfigError(`${where}: parameter value '${raw}' is not a number (expected a number, true, false or null)`);
  return x;
}

/** The parameter a bare number sets: the kind's own, or for an unresolved alias the one all its kinds share. */
function mainParameterOf(registry: MechanismRegistry, kind: string): string | undefined {
  const m = registry.get(kind);
  if (m !== undefined) return m.mainParameter;
  const mains = new Set<string>();
  for (const k of registry.kinds()) {
    const o = registry.get(k)!;
    if (o.alias === kind && o.mainParameter !== undefined) mains.add(o.mainParameter);
  }
  return mains.size === 1 ? [...mains][0] : undefined;
}

/**
 * Parses `NODE=MECHANISM[:param]`. Aliases are resolved against `graph` (the node's current
 * mechanism family); without a graph they are kept as written and resolved by
 * `applyInterventions`. With a registry, an unknown mechanism kind is reported here; families and
 * main parameters come from it (default: the built-in mechanisms).
 */
export function parseIntervention(text: string, graph?: MGraph, registry?: MechanismRegistry): Intervention {
  const where = `--do ${text}`;
  const facts = registry ?? builtinRegistry();
  const eq = text.indexOf("=");
  if (eq <= 0) throw new ConfigError(`${where}: expected NODE=MECHANISM[:param] (e.g. R_R=uniform:0.02)`);
  const node = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1);
  const colon = rest.indexOf(":");
  const kind = (colon < 0 ? rest : rest.slice(0, colon)).trim();
  const paramText = colon < 0 ? undefined : rest.slice(colon + 1);
  if (kind === "") throw new ConfigError(`${where}: no mechanism after '=' (expected NODE=MECHANISM[:param], e.g. R_R=uniform:0.02)`);
  let resolved = kind;
  if (graph !== undefined) resolved = resolveKind(graph, node, kind, where, facts);
  if (registry !== undefined && registry.get(resolved) === undefined && !registry.aliases().includes(resolved)) {
    throw new ConfigError(`${where}: ${unknownMechanism(registry, resolved)}`);
  }
  let params: Record<string, unknown> | undefined;
  if (paramText !== undefined) {
    if (paramText.trim() === "") throw new ConfigError(`${where}: empty parameter after ':'`);
    params = {};
    if (!paramText.includes("=")) {
      const main = mainParameterOf(facts, resolved);
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

/** A kind named as written, or an alias resolved through the family of the node's current mechanism. */
function resolveKind(graph: MGraph, node: string, kind: string, where: string, registry: MechanismRegistry): string {
  const target = graph.nodes.find((n) => n.name === node);
  if (target === undefined) throw new ConfigError(`${where}: unknown node '${node}' (nodes: ${graph.nodes.map((n) => n.name).join(", ")})`);
  if (registry.get(kind) !== undefined || !registry.aliases().includes(kind)) return kind;
  const family = registry.get(target.mechanism.kind)?.family;
  const k = registry.resolveAlias(family, kind);
  if (k === undefined) {
    const families = registry.familiesWithAlias(kind).join(" or ");
    throw new ConfigError(
      `${where}: '${kind}' is not defined for node '${node}' (its mechanism '${target.mechanism.kind}' is ${family === undefined ? "of no family" : `of family '${family}'`}; '${kind}' is defined for ${families}; name a mechanism kind)`,
    );
  }
  return k;
}

/** The top-level keys of a zod object schema (none for other schemas, e.g. a user module's parse function). */
function schemaKeys(schema: z.ZodType<unknown>): ReadonlyMap<string, z.ZodType<unknown>> {
  if (schema instanceof z.ZodObject) return new Map(Object.entries(schema.shape as Record<string, z.ZodType<unknown>>));
  return new Map();
}

/**
 * The new mechanism's parameters: those given, over the current mechanism's (parsed, so its
 * defaults count) for every key the new schema has and accepts.
 */
function carriedParams(old: NodeSpec, oldMech: Mechanism<unknown> | undefined, next: Mechanism<unknown> | undefined, given: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const current = oldMech?.params.safeParse(old.mechanism.params ?? {});
  if (next !== undefined && current?.success === true && typeof current.data === "object" && current.data !== null) {
    const keys = schemaKeys(next.params);
    for (const [k, v] of Object.entries(current.data as Record<string, unknown>)) {
      if (v !== undefined && keys.get(k)?.safeParse(v).success === true) out[k] = v;
    }
  }
  Object.assign(out, given ?? {});
  return Object.keys(out).length === 0 && given === undefined ? undefined : out;
}

/**
 * The graph with each intervention applied, in order: the node's mechanism replaced (parameters
 * carried over, see the header), its parents those the new mechanism reads. With a registry, the
 * kind, its plate and its parameters are checked now (a ConfigError naming the `--do`), not when
 * the engine reaches the node.
 */
export function applyInterventions(graph: MGraph, list: readonly Intervention[], registry?: MechanismRegistry): MGraph {
  const facts = registry ?? builtinRegistry();
  let nodes: NodeSpec[] = [...graph.nodes];
  const seen = new Set<string>();
  for (const iv of list) {
    const where = `--do ${iv.text}`;
    const at = nodes.findIndex((n) => n.name === iv.node);
    if (at < 0) throw new ConfigError(`${where}: unknown node '${iv.node}' (nodes: ${nodes.map((n) => n.name).join(", ")})`);
    if (seen.has(iv.node)) throw new ConfigError(`${where}: node '${iv.node}' is intervened on twice`);
    seen.add(iv.node);
    const old = nodes[at]!;
    const kind = resolveKind({ name: graph.name, nodes }, iv.node, iv.mechanism.kind, where, facts);
    const next = facts.get(kind);
    const params = carriedParams(old, facts.get(old.mechanism.kind), next, iv.mechanism.params);
    const mechanism: MechanismSpec = params === undefined ? { kind } : { kind, params };
    if (registry !== undefined) checkMechanism({ name: old.name, plate: old.plate, mechanism }, registry, where, ConfigError);
    const declared = next === undefined ? undefined : factsOf(next);
    const parents = declared?.readsParents === false ? [] : [...old.parents];
    const { deterministic: _d, ...rest } = old;
    const deterministic = kind === old.mechanism.kind ? old.deterministic === true : declared?.deterministic === true;
    const replaced: NodeSpec = { ...rest, parents, mechanism, description: `do(${iv.text}): ${kind}`, ...(deterministic ? { deterministic: true } : {}) };
    nodes = nodes.map((n, i) => (i === at ? replaced : n));
  }
  return { name: list.length === 0 ? graph.name : `${graph.name} do(${list.map((i) => i.text).join("; ")})`, nodes };
}
