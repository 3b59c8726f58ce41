/**
 * The engine's checks on a node: its parents exist on plates it may read, and its mechanism
 * exists, runs on its plate and accepts its parameters (mechanisms/check-mechanism.ts, once, before
 * any work); its parents are read only through a guard; and the values a user-supplied mechanism
 * returns have the shape it declares (mechanisms/values.ts), so a broken module is refused naming
 * the node instead of being written. Built-in mechanisms' values are not re-checked.
 */
import { GraphError } from "../errors/errors.js";
import { type NodeSpec, plateContains } from "../graph/mgraph.js";
import { type CheckedMechanism, checkMechanism } from "../mechanisms/check-mechanism.js";
import type { ParentValues } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type NodeValue, type ValueShape, contentProblem, shapeProblem } from "../mechanisms/values.js";

/** "mechanism 'kind'" or "mechanism 'kind' from FILE" for a user module's mechanism. */
export function mechanismLabel(node: NodeSpec, registry: MechanismRegistry): string {
  const origin = registry.originOf(node.mechanism.kind);
  return `mechanism '${node.mechanism.kind}'${origin === undefined ? "" : ` from ${origin}`}`;
}

/** The node's mechanism with its parameters parsed; throws naming the node when anything is off. */
export function checkNodeMechanism(node: NodeSpec, byName: ReadonlyMap<string, NodeSpec>, registry: MechanismRegistry): CheckedMechanism {
  for (const p of node.parents) {
    const parent = byName.get(p);
    if (parent === undefined) throw new GraphError(`node '${node.name}': parent '${p}' is not a node of the graph`);
    if (!plateContains(node.plate, parent.plate)) {
      throw new GraphError(`node '${node.name}' (plate ${node.plate}) cannot have parent '${p}' (plate ${parent.plate})`);
    }
  }
  return checkMechanism(node, registry, `node '${node.name}'`);
}

/** Read access to a node's parents: any other name is refused. */
export class GuardedParents implements ParentValues {
  private readonly allowed: ReadonlySet<string>;
  constructor(
    private readonly node: NodeSpec,
    private readonly values: ReadonlyMap<string, NodeValue>,
  ) {
    this.allowed = new Set(node.parents);
  }
  get<T = NodeValue>(name: string): T {
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
  known(name: string): boolean {
    return this.allowed.has(name) && this.values.has(name);
  }
}

/**
 * A user-supplied mechanism's value against its declared shape: the type and row length on every
 * user (O(1)); the entries (finite numbers; 0 or 1 for a missingness indicator, set R) when
 * `content` is set, which the engine does on a kernel's first user only, so the per-user cost does
 * not grow with |M|.
 */
export function checkUserValue(v: unknown, shape: ValueShape, node: NodeSpec, registry: MechanismRegistry, user: number | undefined, movies: number, content: boolean): void {
  const problem = shapeProblem(shape, v, movies) ?? (content ? contentProblem(v, node.set === "R") : undefined);
  if (problem === undefined) return;
  const at = user === undefined ? " in setup" : `, user ${user}`;
  const declared = shape === "any" ? "" : ` (its declared value shape is '${shape}')`;
  throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)})${at}: ${problem}${declared}`);
}
