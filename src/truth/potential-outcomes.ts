/**
 * The complete data before missingness, one user at a time (paper §7, "all the counterfactuals are
 * available"): for every movie, the potential outcome R_{u,m}, |TL_{u,m}|, and the exact
 * probabilities P(R_R = 1) and P(R_O = 1) with which the rating and the observational tags were
 * observed. Read from the engine's per-user values and the kernels' recorded truth.
 */
import type { NodeKernel } from "../mechanisms/mechanism.js";
import { popcount } from "../mechanisms/values.js";

/** Node names of the CTAR layout the columns come from. */
export interface OutcomeNodes {
  readonly rating: string;
  readonly overlap: string;
  readonly ratingMissingness: string;
  readonly obsTagMissingness: string;
}

export const CTAR_OUTCOME_NODES: OutcomeNodes = { rating: "R", overlap: "TL", ratingMissingness: "R_R", obsTagMissingness: "R_O" };

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
    readonly nodes: OutcomeNodes = CTAR_OUTCOME_NODES,
  ) {
    this.liked = new Uint8Array(movies);
  }

  /** This user's row, from the engine's values after the user (undefined columns where absent). */
  read(values: ReadonlyMap<string, unknown>, kernels: ReadonlyMap<string, NodeKernel>): OutcomeRow | undefined {
    const r = values.get(this.nodes.rating);
    if (!(r instanceof Float64Array) || r.length !== this.movies) return undefined;
    const tl = values.get(this.nodes.overlap) as { mask?: unknown } | undefined;
    const mask = tl?.mask;
    if (mask instanceof Uint32Array && mask.length === this.movies) for (let m = 0; m < this.movies; m++) this.liked[m] = popcount(mask[m]!);
    else this.liked.fill(0);
    const n = this.nodes;
    return {
      rating: r,
      liked: this.liked,
      pRating: observationProbability(values.get(n.ratingMissingness), kernels.get(n.ratingMissingness), this.movies),
      pObsTag: observationProbability(values.get(n.obsTagMissingness), kernels.get(n.obsTagMissingness), this.movies),
    };
  }
}
