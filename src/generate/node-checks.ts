/**
 * The engine's checks on a node: its parents exist on plates it may read, and its mechanism
 * exists, runs on its plate and accepts its parameters (mechanisms/check-mechanism.ts, once, before
 * any work); its parents are read only through a guard; and the values a user-supplied mechanism
 * returns have the shape it declares and lie in its node's domain (mechanisms/values.ts), and its
 * parents' values are unchanged by it, so a broken module is refused naming the node, its module
 * and the user instead of being written. Built-in mechanisms' values are not re-checked.
 */
import { GraphError } from "../errors/errors.js";
import { type NodeSpec, plateContains } from "../graph/mgraph.js";
import { type CheckedMechanism, checkMechanism } from "../mechanisms/check-mechanism.js";
import type { ParentValues } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type Domain, type NodeValue, type ValueShape, domainProblem, shapeProblem } from "../mechanisms/values.js";

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
 * A user-supplied mechanism's value against its declared shape (type and row length, O(1)) and
 * its node's domain (mechanisms/values.ts: every entry finite, in range, whole where it must be;
 * one pass over the row, on every user: the mechanism made the row in at least as many steps).
 */
export function checkUserValue(v: unknown, shape: ValueShape, domain: Domain, node: NodeSpec, registry: MechanismRegistry, user: number | undefined, movies: number): void {
  const problem = shapeProblem(shape, v, movies) ?? domainProblem(v, domain);
  if (problem === undefined) return;
  const declared = shape === "any" ? "" : ` (its declared value shape is '${shape}')`;
  throw new GraphError(`${where(node, registry, user)}: ${problem}${declared}`);
}

function where(node: NodeSpec, registry: MechanismRegistry, user: number | undefined): string {
  return `node '${node.name}' (${mechanismLabel(node, registry)})${user === undefined ? " in setup" : `, user ${user}`}`;
}

/** The typed arrays a value holds: itself, or those among its own fields (TL's mask, R_O's rows, M's columns). */
function arraysOf(v: unknown): ArrayBufferView[] {
  if (ArrayBuffer.isView(v)) return v instanceof DataView ? [] : [v];
  if (typeof v !== "object" || v === null) return [];
  return Object.values(v).filter((x): x is ArrayBufferView => ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/**
 * Keeps a user mechanism's hands off its parents' values: they are shared with every other node
 * that reads them (a rating row is also what R* writes), so a mechanism that wrote into one would
 * change the dataset behind its node's back. `take` copies the parents' arrays before the
 * mechanism runs (into buffers reused across users), `check` compares after: an O(|M|) copy and
 * pass per parent array, only for user mechanisms.
 */
export class ParentSeal {
  private copies: ArrayBufferView[] = [];
  private sources: { name: string; a: ArrayBufferView }[] = [];
  constructor(
    private readonly node: NodeSpec,
    private readonly registry: MechanismRegistry,
    private readonly values: ReadonlyMap<string, NodeValue>,
  ) {}

  take(): void {
    this.sources = [];
    let k = 0;
    for (const name of this.node.parents) {
      for (const a of arraysOf(this.values.get(name))) {
        const Ctor = a.constructor as new (n: number) => ArrayBufferView & { set(x: ArrayLike<number | bigint>): void; length: number };
        const len = (a as unknown as { length: number }).length;
        let c = this.copies[k];
        if (c === undefined || c.constructor !== Ctor || (c as unknown as { length: number }).length !== len) c = this.copies[k] = new Ctor(len);
        (c as unknown as { set(x: unknown): void }).set(a);
        this.sources.push({ name, a });
        k++;
      }
    }
  }

  check(user: number | undefined): void {
    for (let k = 0; k < this.sources.length; k++) {
      const { name, a } = this.sources[k]!;
      const x = a as unknown as ArrayLike<number>;
      const c = this.copies[k] as unknown as ArrayLike<number>;
      for (let i = 0; i < x.length; i++) {
        const p = x[i]!;
        const q = c[i]!;
        // unchanged, or NaN both times
        if (p === q || (p !== p && q !== q)) continue;
        throw new GraphError(
          `${where(this.node, this.registry, user)}: changed the value of its parent '${name}' (entry ${i}: ${q} → ${p}); a mechanism must not write into its parents' values (copy a row before changing it)`,
        );
      }
    }
  }
}
