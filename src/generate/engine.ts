/**
 * The streaming engine: runs an m-graph's mechanisms in topological order. Movie-plate nodes are
 * computed once; user and user-movie nodes one user at a time as rows over the movies, so no
 * users × movies table is ever held. Each node draws from its own stream keyed by (seed, node,
 * user), so replacing one mechanism cannot shift another node's draws, and any user can be
 * generated alone with identical results. A mechanism sees its parents only, through a guard.
 */
import type { SelectedCatalog } from "../catalog/select-movies.js";
import { ConfigError, GraphError } from "../errors/errors.js";
import { type MGraph, type NodeSpec, plateContains } from "../graph/mgraph.js";
import { topologicalOrder } from "../graph/topological-order.js";
import type { Dims, Emit, NodeKernel, ParentValues, TagUniverse } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { SeedTree } from "../rng/stream.js";

export interface EngineInput {
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  readonly dims: Dims;
  readonly catalog: SelectedCatalog;
  readonly seed: number;
  readonly compat: "none" | "reference";
  readonly emit: Emit;
  readonly warn: (message: string) => void;
  /**
   * Called after each user with that user's values (read only what you need, do not keep rows)
   * and every node's kernel (for exact per-pair facts such as propensities).
   */
  readonly onUser?: (user: number, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>) => void;
  /** The users to generate, [from, to); all by default. */
  readonly userRange?: readonly [number, number];
}

export interface EngineRun {
  readonly order: readonly NodeSpec[];
  /** Values of the movie-plate nodes. */
  readonly movieValues: ReadonlyMap<string, unknown>;
  /** Every node's kernel, for its recorded truth (e.g. exact propensities). */
  readonly kernels: ReadonlyMap<string, NodeKernel>;
}

/** The tag vocabulary of a selected catalog. */
export function tagUniverse(catalog: SelectedCatalog): TagUniverse {
  return { count: catalog.tagPopularity.length, popularity: catalog.tagPopularity };
}

class GuardedParents implements ParentValues {
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

export function runGraph(input: EngineInput): EngineRun {
  const { graph, registry, dims } = input;
  const order = topologicalOrder(graph);
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const seeds = new SeedTree(input.seed);
  const values = new Map<string, unknown>();
  const kernels = new Map<string, NodeKernel>();
  const tags = tagUniverse(input.catalog);

  for (const node of order) {
    for (const p of node.parents) {
      const parent = byName.get(p)!;
      if (!plateContains(node.plate, parent.plate)) {
        throw new GraphError(`node '${node.name}' (plate ${node.plate}) cannot have parent '${p}' (plate ${parent.plate})`);
      }
    }
    const mech = registry.get(node.mechanism.kind);
    if (mech === undefined) {
      throw new GraphError(`node '${node.name}': unknown mechanism '${node.mechanism.kind}' (known: ${registry.kinds().join(", ")})`);
    }
    if (!mech.plates.includes(node.plate)) {
      throw new GraphError(`node '${node.name}': mechanism '${mech.kind}' runs on plate ${mech.plates.join(" or ")}, not ${node.plate}`);
    }
    const parsed = mech.params.safeParse(node.mechanism.params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `.${issue.path.join(".")}` : "";
      throw new ConfigError(`node '${node.name}': mechanism '${mech.kind}' parameter${where}: ${issue?.message ?? "invalid"}`);
    }
    const kernel = mech.setup({
      node,
      dims,
      tags,
      params: parsed.data,
      catalog: input.catalog,
      parents: new GuardedParents(node, values),
      stream: (purpose) => seeds.stream(node.name, "setup", purpose),
      compat: input.compat,
      warn: input.warn,
    });
    kernels.set(node.name, kernel);
    if (node.plate === "movie") {
      if (kernel.value === undefined) throw new GraphError(`node '${node.name}': mechanism '${mech.kind}' gave no value for a movie-plate node`);
      values.set(node.name, kernel.value);
    } else if (kernel.forUser === undefined) {
      throw new GraphError(`node '${node.name}': mechanism '${mech.kind}' has no per-user computation for plate ${node.plate}`);
    }
  }

  const perUser = order.filter((n) => n.plate !== "movie");
  const steps = perUser.map((node) => ({
    node,
    forUser: kernels.get(node.name)!.forUser!.bind(kernels.get(node.name)),
    parents: new GuardedParents(node, values),
  }));
  const [from, to] = input.userRange ?? [0, dims.users];
  for (let u = from; u < to; u++) {
    for (const s of steps) {
      const v = s.forUser({ user: u, parents: s.parents, rng: seeds.stream(s.node.name, "user", u), emit: input.emit });
      values.set(s.node.name, v);
    }
    input.onUser?.(u, values, kernels);
  }
  for (const k of kernels.values()) k.finish?.();
  const movieValues = new Map<string, unknown>();
  for (const n of order) if (n.plate === "movie") movieValues.set(n.name, values.get(n.name));
  return { order, movieValues, kernels };
}
