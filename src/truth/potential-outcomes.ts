/**
 * The complete data before missingness, one user at a time (paper §7, "all the counterfactuals are
 * available"): for every movie, the potential outcome R_{u,m}, |TL_{u,m}|, and the exact
 * probabilities P(R_R = 1) and P(R_O = 1) with which the rating and the observational tags were
 * observed. Read from the engine's per-user values and the kernels' recorded truth.
 */
import type { MGraph } from "../graph/mgraph.js";
import type { NodeKernel } from "../mechanisms/mechanism.js";
import type { MechanismRegistry } from "../mechanisms/registry.js";
import { ctarRoles } from "../mechanisms/roles.js";
import { popcount } from "../mechanisms/values.js";

/** The nodes the columns come from, by role (mechanisms/roles.ts; undefined where none plays it). */
export interface OutcomeNodes {
  readonly rating: string | undefined;
  readonly overlap: string | undefined;
  readonly ratingMissingness: string | undefined;
  readonly obsTagMissingness: string | undefined;
}

/** The outcome nodes of a graph, found by their roles. */
export function outcomeNodesOf(graph: MGraph, registry: MechanismRegistry): OutcomeNodes {
  const roles = ctarRoles(graph, registry);
  return { rating: roles.rating, overlap: roles["tag-overlap"], ratingMissingness: roles["rating-missingness"], obsTagMissingness: roles["obstag-missingness"] };
}

/** One user's row of potential outcomes (arrays reused between users). */
export interface OutcomeRow {
  readonly rating: Float64Array;
  /** |TL_{u,m}|. */
  readonly liked: Uint8Array;
  /** P(R_R = 1), or undefined when the mechanism records none. */
  readonly pRating: Float64Array | undefined;
  /** P(R_O = 1), or undefined when the mechanism records none. */
  readonly pObsTag: Float64Array | undefined;
}

/** The per-movie observation probability a missingness kernel records (`truth.propensity`), if any. */
export function recordedPropensity(kernel: NodeKernel | undefined, movies: number): Float64Array | undefined {
  const q = kernel?.truth?.["propensity"];
  return q instanceof Float64Array && q.length === movies ? q : undefined;
}

/**
 * The exact probability that a missingness node observes each pair of this user: the row's own
 * `probability` (per pair, e.g. selection-missingness) or the kernel's per-movie `propensity`.
 */
export function observationProbability(value: unknown, kernel: NodeKernel | undefined, movies: number): Float64Array | undefined {
  if (typeof value === "object" && value !== null && "probability" in value) {
    const p = (value as { probability?: unknown }).probability;
    if (p instanceof Float64Array && p.length === movies) return p;
  }
  return recordedPropensity(kernel, movies);
}

export class PotentialOutcomes {
  private readonly liked: Uint8Array;
  constructor(
    readonly movies: number,
    readonly nodes: OutcomeNodes,
  ) {
    this.liked = new Uint8Array(movies);
  }

  /** This user's row, from the engine's values after the user (undefined columns where absent). */
  read(values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>): OutcomeRow | undefined {
    const n = this.nodes;
    const r = n.rating === undefined ? undefined : values.get(n.rating);
    if (!(r instanceof Float64Array) || r.length !== this.movies) return undefined;
    const tl = (n.overlap === undefined ? undefined : values.get(n.overlap)) as { mask?: unknown } | undefined;
    const mask = tl?.mask;
    if (mask instanceof Uint32Array && mask.length === this.movies) for (let m = 0; m < this.movies; m++) this.liked[m] = popcount(mask[m]!);
    else this.liked.fill(0);
    return {
      rating: r,
      liked: this.liked,
      pRating: this.probability(n.ratingMissingness, values, kernels),
      pObsTag: this.probability(n.obsTagMissingness, values, kernels),
    };
  }

  private probability(node: string | undefined, values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>): Float64Array | undefined {
    return node === undefined ? undefined : observationProbability(values.get(node), kernels.get(node), this.movies);
  }
}
