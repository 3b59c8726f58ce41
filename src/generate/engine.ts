/**
 * The streaming engine: runs an m-graph's mechanisms in topological order. Movie-plate nodes are
 * computed once, at construction; user and user-movie nodes one user at a time (`runUser`) as rows
 * over the movies, so no users × movies table is ever held. Each node draws from its own stream
 * keyed by (seed, node, user), so replacing one mechanism cannot shift another node's draws, and
 * any user can be generated alone, on any worker, in any order, with identical results — which is
 * what the parallel blocks, the shards and the test-set draws (which regenerate drawn users) rely on.
 * A mechanism sees its parents only, through a guard; a throw, a value outside its node's domain
 * or a write into a parent's value (checked for user-supplied mechanisms on every user) is
 * reported naming the node, its mechanism and (for per-user work) the user.
 */
import type { SelectedCatalog } from "../catalog/select-movies.js";
import { CtarError, GraphError } from "../errors/errors.js";
import type { MGraph, NodeSpec } from "../graph/mgraph.js";
import { topologicalOrder } from "../graph/topological-order.js";
import { type Dims, type Emit, type NodeKernel, type PrebuiltTables, type TagUniverse, factsOf } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { type Domain, type NodeValue, type ValueShape, nodeDomain } from "../mechanisms/values.js";
import { ratingScaleOf } from "../mechanisms/rating-scale.js";
import { SeedTree, type StreamFamily } from "../rng/stream.js";
import { GuardedParents, ParentSeal, checkNodeMechanism, checkUserValue, mechanismLabel } from "./node-checks.js";

export interface EngineInput {
  readonly graph: MGraph;
  readonly registry: MechanismRegistry;
  readonly dims: Dims;
  readonly catalog: SelectedCatalog;
  readonly seed: number;
  readonly compat: "none" | "reference";
  readonly warn: (message: string) => void;
  /** Kernels' tables by node, as `Engine.tables` of an identical engine gave them (a worker gets the main thread's). */
  readonly prebuilt?: ReadonlyMap<string, PrebuiltTables>;
}

/** The tag vocabulary of a selected catalog. */
export function tagUniverse(catalog: SelectedCatalog): TagUniverse {
  return { count: catalog.tagPopularity.length, popularity: catalog.tagPopularity };
}

interface UserStep {
  readonly node: NodeSpec;
  readonly kernel: NodeKernel;
  readonly parents: GuardedParents;
  readonly streams: StreamFamily;
  /** A user-supplied mechanism's checks, made on every user (undefined: built-in, trusted). */
  readonly user: UserChecks | undefined;
}

/** What is checked of a user-supplied mechanism (generate/node-checks.ts). */
interface UserChecks {
  readonly shape: ValueShape;
  readonly domain: Domain;
  readonly seal: ParentSeal;
}

export class Engine {
  readonly order: readonly NodeSpec[];
  /** Every node's kernel, for its recorded truth (e.g. exact propensities) and its tallies. */
  readonly kernels: ReadonlyMap<string, NodeKernel>;
  /** Values of the movie-plate nodes. */
  readonly movieValues: ReadonlyMap<string, NodeValue>;
  /** The value shape of every node, as its mechanism declares it (the tag of its NodeValue). */
  readonly shapes: ReadonlyMap<string, ValueShape>;
  private readonly values = new Map<string, NodeValue>();
  private readonly steps: readonly UserStep[];

  constructor(readonly input: EngineInput) {
    const { graph, registry, dims } = input;
    this.order = topologicalOrder(graph);
    const byName = new Map(graph.nodes.map((n) => [n.name, n]));
    const seeds = new SeedTree(input.seed);
    const kernels = new Map<string, NodeKernel>();
    const tags = tagUniverse(input.catalog);
    const steps: UserStep[] = [];
    const shapes = new Map<string, ValueShape>();
    const ratingScale = ratingScaleOf(graph);
    for (const node of this.order) {
      const { mechanism, params } = checkNodeMechanism(node, byName, registry);
      const parents = new GuardedParents(node, this.values);
      const facts = factsOf(mechanism);
      const checks: UserChecks | undefined =
        registry.originOf(node.mechanism.kind) === undefined
          ? undefined
          : { shape: facts.value, domain: nodeDomain(node.set, facts.role === "rating", ratingScale), seal: new ParentSeal(node, registry, this.values) };
      checks?.seal.take();
      const kernel = guard(node, registry, "setup", () =>
        mechanism.setup({
          node,
          dims,
          tags,
          params,
          catalog: input.catalog,
          parents,
          stream: (purpose) => seeds.stream(node.name, "setup", purpose),
          compat: input.compat,
          warn: input.warn,
          prebuilt: input.prebuilt?.get(node.name),
        }),
      );
      if (typeof kernel !== "object" || kernel === null) throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)}): setup returned no kernel`);
      checks?.seal.check(undefined);
      kernels.set(node.name, kernel);
      shapes.set(node.name, facts.value);
      if (node.plate === "movie") {
        if (kernel.value === undefined) throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)}): gave no value for a movie-plate node`);
        if (checks !== undefined) checkUserValue(kernel.value, checks.shape, checks.domain, node, registry, undefined, dims.movies);
        this.values.set(node.name, kernel.value);
      } else {
        if (typeof kernel.forUser !== "function") throw new GraphError(`node '${node.name}' (${mechanismLabel(node, registry)}): has no per-user computation for plate ${node.plate}`);
        steps.push({ node, kernel, parents, streams: seeds.family(node.name, "user"), user: checks });
      }
    }
    this.shapes = shapes;
    this.kernels = kernels;
    this.steps = steps;
    this.movieValues = new Map(this.values);
  }

  /**
   * Runs every per-user node for user `u`, sending observed rows to `emit`; returns the user's
   * values by node (rows are reused by the next call: read, do not keep).
   */
  runUser(u: number, emit: Emit): ReadonlyMap<string, NodeValue> {
    const movies = this.input.dims.movies;
    for (const s of this.steps) {
      const k = s.kernel;
      let v: NodeValue;
      s.user?.seal.take();
      try {
        v = k.forUser!({ user: u, parents: s.parents, rng: s.streams.stream(u), emit });
      } catch (e) {
        throw wrapError(e, s.node, this.input.registry, u);
      }
      if (s.user !== undefined) {
        s.user.seal.check(u);
        checkUserValue(v, s.user.shape, s.user.domain, s.node, this.input.registry, u, movies);
      }
      this.values.set(s.node.name, v);
    }
    return this.values;
  }

  /**
   * Calls every kernel's `finish` once, after the last user this engine ran (each worker and
   * shard calls it on its own kernels; a throw names the node and its mechanism "in finish").
   */
  finish(): void {
    for (const node of this.order) {
      const k = this.kernels.get(node.name)!;
      if (typeof k.finish === "function") guard(node, this.input.registry, "finish", () => k.finish!());
    }
  }

  /** The kernels' precomputed tables by node (`NodeKernel.tables`), to hand to an identical engine. */
  tables(): Map<string, PrebuiltTables> {
    const out = new Map<string, PrebuiltTables>();
    for (const [name, k] of this.kernels) {
      // Only Float64Arrays go along: whatever else a user's kernel puts there stays on its thread.
      const t = typeof k.tables === "object" && k.tables !== null ? Object.entries(k.tables).filter(([, v]) => v instanceof Float64Array) : [];
      if (t.length > 0) out.set(name, Object.fromEntries(t));
    }
    return out;
  }

  /** The user-plate and user-movie nodes, in the order they run. */
  perUserNodes(): NodeSpec[] {
    return this.steps.map((s) => s.node);
  }
}

/** Where a mechanism ran: on a user, or in its setup or its finish. */
type Moment = number | "setup" | "finish";

function wrapError(e: unknown, node: NodeSpec, registry: MechanismRegistry, at: Moment): CtarError {
  const where = `node '${node.name}' (${mechanismLabel(node, registry)})${typeof at === "number" ? `, user ${at}` : ` in ${at}`}`;
  if (e instanceof CtarError) {
    // The built-in mechanisms' own errors already name the node; others get it, keeping their class (exit code).
    if (e.message.startsWith(`node '${node.name}'`)) return e;
    const Same = e.constructor as new (message: string, options?: { cause?: unknown }) => CtarError;
    return new Same(`${where}: ${e.message}`, { cause: e });
  }
  const msg = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  return new GraphError(`${where}: ${msg}`, { cause: e });
}

function guard<T>(node: NodeSpec, registry: MechanismRegistry, at: Moment, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw wrapError(e, node, registry, at);
  }
}

export interface EngineRun {
  readonly order: readonly NodeSpec[];
  readonly movieValues: ReadonlyMap<string, NodeValue>;
  readonly kernels: ReadonlyMap<string, NodeKernel>;
}

/**
 * Runs users [from, to) of a graph in one go, calling `onUser` after each with that user's values
 * (a convenience over `Engine` for analyses such as `ctar verify`).
 */
export function runGraph(
  input: EngineInput & {
    readonly emit: Emit;
    readonly onUser?: (user: number, values: ReadonlyMap<string, NodeValue>, kernels: ReadonlyMap<string, NodeKernel>) => void;
    readonly userRange?: readonly [number, number];
  },
): EngineRun {
  const engine = new Engine(input);
  const [from, to] = input.userRange ?? [0, input.dims.users];
  for (let u = from; u < to; u++) {
    const values = engine.runUser(u, input.emit);
    input.onUser?.(u, values, engine.kernels);
  }
  engine.finish();
  for (const k of engine.kernels.values()) {
    const summary = k.summary?.(k.tally ?? {});
    if (summary !== undefined) input.warn(summary);
  }
  return { order: engine.order, movieValues: engine.movieValues, kernels: engine.kernels };
}
