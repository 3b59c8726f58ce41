/**
 * The mechanism interface: how a node of the m-graph computes its value from its parents' values.
 * This is the "upper API" for new biases: a user writes a `Mechanism`, registers it under a kind,
 * and names that kind in a graph file.
 *
 * Execution model (docs/generate.md#streaming-and-determinism): movie-plate nodes are computed once, in
 * `setup`; user- and user-movie-plate nodes are computed one user at a time by the kernel's
 * `forUser`, a user-movie value being a typed-array row over the movies. A mechanism sees its
 * parents only through `ParentValues`, which refuses any name that is not a parent.
 */
import type { Stream } from "../rng/stream.js";
import type { NodeSpec, Plate } from "../graph/mgraph.js";
import type { z } from "zod";
import type { SelectedCatalog } from "../catalog/select-movies.js";
import type { NodeValue, ValueShape } from "./values.js";

/** Roles a mechanism declares for the node it computes (the CTAR layout finds its nodes by them: roles.ts). */
export type NodeRole = "movie-tags" | "liked-tags" | "tag-overlap" | "quality" | "rating";
export const NODE_ROLES: readonly NodeRole[] = ["movie-tags", "liked-tags", "tag-overlap", "quality", "rating"];

export interface Dims {
  readonly users: number;
  readonly movies: number;
}

/**
 * The tag vocabulary: an exogenous constant of the world (not a node), with the tag popularity π
 * of docs/model.md#tag-popularity. Internal tag ids are 0..count-1.
 */
export interface TagUniverse {
  readonly count: number;
  /** π_t, summing to 1. */
  readonly popularity: Float64Array;
}

/** Read access to a node's parents; any other name is refused with a GraphError. */
export interface ParentValues {
  get<T = NodeValue>(name: string): T;
  /** Whether parent `name` has a value now: in setup, the movie-plate parents only. */
  known?(name: string): boolean;
}

/** Receives observed rows (three integers) for a named output table, in internal ids. */
export type Emit = (table: string, a: number, b: number, c: number) => void;

export interface SetupContext<P> {
  readonly node: NodeSpec;
  readonly dims: Dims;
  readonly tags: TagUniverse;
  /** Parameters, parsed and defaulted by the mechanism's schema. */
  readonly params: P;
  /** The exogenous catalog data; only the movie node (M) exposes it to the graph. */
  readonly catalog?: SelectedCatalog;
  /** Values of movie-plate parents (user-plate ones are not known yet: reading one is refused). */
  readonly parents: ParentValues;
  /** A stream for this node's global draws (e.g. choosing the RCT users), keyed by node and purpose. */
  stream(purpose: string): Stream;
  /** Reference-compatibility mode (docs/test-sets.md#default-and-reference-compatible-construction): keeps the authors' construction where it differs. */
  readonly compat: "none" | "reference";
  /** Reports something the user must know (e.g. probabilities clipped at 1). */
  warn(message: string): void;
  /**
   * The `tables` this node's kernel gave in an identical setup elsewhere (the main thread's, handed
   * to a worker), to take instead of computing them again; absent when there is none. A mechanism
   * must check a table's shape before taking it and compute its own otherwise.
   */
  readonly prebuilt?: PrebuiltTables;
}

/** Pure precomputed tables of a kernel, by name: functions of the setup's inputs alone. */
export type PrebuiltTables = Readonly<Record<string, Float64Array>>;

export interface UserContext {
  readonly user: number;
  readonly parents: ParentValues;
  /** This node's stream for this user: independent of every other node and user. */
  readonly rng: Stream;
  readonly emit: Emit;
}

export interface NodeKernel {
  /** The value of a movie-plate node (computed in setup). */
  readonly value?: NodeValue;
  /** The value of a user or user-movie node for one user (a row may be reused between users). */
  forUser?(ctx: UserContext): NodeValue;
  /**
   * Called after the last user this kernel ran. With worker threads and shards a kernel runs only
   * some users: report counts through `tally` and `summary` instead, which see all users.
   */
  finish?(): void;
  /**
   * Counts this kernel accumulates over its users (e.g. clipped probabilities). The engine sums
   * them over every block, worker and shard, and passes the totals to `summary` once.
   */
  readonly tally?: Record<string, number>;
  /** A warning from the summed tallies of all users, or undefined when there is nothing to say. */
  summary?(total: Readonly<Record<string, number>>): string | undefined;
  /** Exact per-movie or per-pair facts worth recording as ground truth (e.g. propensities). */
  readonly truth?: Readonly<Record<string, unknown>>;
  /**
   * Tables the setup computed from its inputs alone (e.g. the rating's thresholds), which another
   * setup of the same node with the same inputs may take as its `prebuilt` instead of computing
   * them: the main thread hands them to the worker threads, so each worker's setup is cheaper.
   */
  readonly tables?: PrebuiltTables;
}

/** A tabular output a mechanism emits to, with its column names (for the writer and docs). */
export interface OutputTable {
  readonly table: string;
  readonly columns: readonly [string, string, string];
}

export interface Mechanism<P = unknown> {
  readonly kind: string;
  /** One line: what it computes, with the equation it implements. */
  readonly description: string;
  /** Plates this mechanism can run on. */
  readonly plates: readonly Plate[];
  /** Parameter schema (zod): parsing applies defaults and rejects bad values with a message. */
  readonly params: z.ZodType<P>;
  /** Tables this mechanism emits (proxies). */
  readonly outputs?: readonly OutputTable[];
  /**
   * The family `--do` aliases resolve through (e.g. "missingness", "exposure"): `--do N=uniform`
   * names the mechanism of N's current family whose `alias` is "uniform".
   */
  readonly family?: string;
  /** This mechanism's short name within its family, for `--do` (e.g. "uniform", "popularity"). */
  readonly alias?: string;
  /** The parameter a bare number sets in `--do NODE=kind:0.02` (e.g. "rate"). */
  readonly mainParameter?: string;
  /**
   * Whether the value depends on the node's parents (default true). An intervention that installs
   * a mechanism reading none drops the node's incoming edges (e.g. uniform-missingness: MCAR).
   */
  readonly readsParents?: boolean;
  /** The value is a deterministic function of the parents (d-separation conditions it away; default false). */
  readonly deterministic?: boolean;
  /** The shape of the value it returns (values.ts; default "any": checked generically, see generate/node-checks.ts). */
  readonly value?: ValueShape;
  /** The part of the CTAR layout the node plays (roles.ts), e.g. "rating"; found by role, not by node name. */
  readonly role?: NodeRole;
  setup(ctx: SetupContext<P>): NodeKernel;
}

/** The declared facts of a mechanism, with the defaults a mechanism that declares none gets. */
export interface MechanismFacts {
  readonly family: string | undefined;
  readonly alias: string | undefined;
  readonly mainParameter: string | undefined;
  readonly readsParents: boolean;
  readonly deterministic: boolean;
  readonly value: ValueShape;
  readonly role: NodeRole | undefined;
}

export function factsOf(m: Mechanism<unknown>): MechanismFacts {
  return {
    family: m.family,
    alias: m.alias,
    mainParameter: m.mainParameter,
    readsParents: m.readsParents ?? true,
    deterministic: m.deterministic ?? false,
    value: m.value ?? "any",
    role: m.role,
  };
}

/** Builds a mechanism with its parameter type inferred from its schema. */
export function defineMechanism<S extends z.ZodType>(m: Mechanism<z.output<S>> & { params: S }): Mechanism<z.output<S>> {
  return m;
}
