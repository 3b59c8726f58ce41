/**
 * The engine's checks on a node: its mechanism exists, runs on the node's plate and accepts its
 * parameters (once, before any work); its parents are read only through a guard; and the values a
 * user-supplied mechanism returns lie in the node's domain (right row length, finite numbers,
 * indicators 0 or 1), so a broken module is refused naming the node instead of being written.
 */
import { ConfigError, GraphError } from "../errors/errors.js";
import { type NodeSpec, plateContains } from "../graph/mgraph.js";
import type { Mechanism, ParentValues } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";

/** "mechanism 'kind'" or "mechanism 'kind' from FILE" for a user module's mechanism. */
export function mechanismLabel(node: NodeSpec, registry: MechanismRegistry): string {
  const origin = registry.originOf(node.mechanism.kind);
  return `mechanism '${node.mechanism.kind}'${origin === undefined ? "" : ` from ${origin}`}`;
}

/** The node's mechanism with its parameters parsed; throws naming the node when anything is off. */
export function checkNodeMechanism(
  node: NodeSpec,
  byName: ReadonlyMap<string, NodeSpec>,
  registry: MechanismRegistry,
): { mechanism: Mechanism<unknown>; params: unknown } {
  for (const p of node.parents) {
    const parent = byName.get(p);
    if (parent === undefined) throw new GraphError(`node '${node.name}': parent '${p}' is not a node of the graph`);
    if (!plateContains(node.plate, parent.plate)) {
      throw new GraphError(`node '${node.name}' (plate ${node.plate}) cannot have parent '${p}' (plate ${parent.plate})`);
    }
  }
  const mechanism = registry.get(node.mechanism.kind);
  if (mechanism === undefined) {
    throw new GraphError(`node '${node.name}': unknown mechanism '${node.mechanism.kind}' (known: ${registry.kinds().join(", ")})`);
  }
  if (!mechanism.plates.includes(node.plate)) {
    throw new GraphError(`node '${node.name}': mechanism '${mechanism.kind}' runs on plate ${mechanism.plates.join(" or ")}, not ${node.plate}`);
  }
  let parsed: ReturnType<Mechanism<unknown>["params"]["safeParse"]>;
  try {
    parsed = mechanism.params.safeParse(node.mechanism.params ?? {});
  } catch (e) {
    throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)}): its parameter check threw (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `.${issue.path.join(".")}` : "";
    throw new ConfigError(`node '${node.name}': mechanism '${mechanism.kind}' parameter${where}: ${issue?.message ?? "invalid"}`);
  }
  return { mechanism, params: parsed.data };
}

/** Read access to a node's parents: any other name is refused. */
export class GuardedParents implements ParentValues {
  private readonly allowed: ReadonlySet<string>;
  constructor(
    private readonly node: NodeSpec,
    private readonly values: ReadonlyMap<string, unknown>,
  ) {
    this.allowed = new Set(node.parents);
  }
  get<T = unknown>(name: string): T {
    if (!this.allowed.has(name)) {
      throw new GraphError(
        `node '${this.node.name}': its mechanism '${this.node.mechanism.kind}' read '${name}', which is not a parent of '${this.node.name}' (parents: ${this.node.parents.join(", ") || "none"})`,
      );
    }
    if (!this.values.has(name)) {
      throw new GraphError(`node '${this.node.name}': parent '${name}' is a per-user value and is not known during setup`);
    }
    return this.values.get(name) as T;
  }
}

/**
 * A user-supplied mechanism's per-user value: a typed row over the movies on the user-movie plate
 * must have one entry per movie; numbers must be finite; a missingness indicator (set R) must be
 * 0 or 1. Other shapes (objects, lists of tags) are the mechanism's contract with its children.
 */
export function checkUserValue(v: unknown, node: NodeSpec, registry: MechanismRegistry, user: number, movies: number): void {
  if (!ArrayBuffer.isView(v) || v instanceof DataView) {
    if (typeof v === "number" && !Number.isFinite(v)) fail(node, registry, user, `returned ${v}, not a finite number`);
    return;
  }
  const row = v as unknown as ArrayLike<number>;
  if (node.plate === "user-movie" && row.length !== movies) {
    fail(node, registry, user, `returned a row of ${row.length} values (expected one per movie: ${movies})`);
  }
  const indicator = node.set === "R";
  for (let m = 0; m < row.length; m++) {
    const x = row[m]!;
    if (!Number.isFinite(x)) fail(node, registry, user, `returned ${x} for movie ${m} (expected a finite number)`);
    if (indicator && x !== 0 && x !== 1) fail(node, registry, user, `returned ${x} for movie ${m} (a missingness indicator must be 0 or 1)`);
  }
}

function fail(node: NodeSpec, registry: MechanismRegistry, user: number, what: string): never {
  throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)}), user ${user}: ${what}`);
}
