/**
 * R_R (paper Eq. 6, docs/model.md#r_r-rating-missingness): P(R_R = 1 | m) = P_M · s_m / mean(s), with
 * s_m = sigmoid(score_m / T + b), score_m the recommender's exposure score (|M| − rank_m) and
 * b = −|M|/(2T) by default. Probabilities above 1 are clipped and reported, never wrapped.
 * Also `uniform-missingness`: P(R = 1) = rate for every pair (MCAR), for interventions.
 */
import { portableExp } from "../rng/portable-exp.js";
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { thinnedBernoulli } from "../rng/sample.js";
import type { Stream } from "../rng/stream.js";
import { type NodeKernel, defineMechanism } from "./mechanism.js";
import { expectFloatRow } from "./values.js";

export function sigmoid(x: number): number {
  return 1 / (1 + portableExp(-x));
}

/** Scales weights to mean `rate`, clips at 1; returns the probabilities and how many were clipped. */
export function normaliseToRate(weights: Float64Array, rate: number, out: Float64Array = new Float64Array(weights.length)): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]!;
  const c = sum > 0 ? (rate * weights.length) / sum : 0;
  let clipped = 0;
  for (let i = 0; i < weights.length; i++) {
    const p = c * weights[i]!;
    if (p > 1) {
      out[i] = 1;
      clipped++;
    } else out[i] = p;
  }
  return clipped;
}

/** A Bernoulli row with per-movie probabilities p (≤ pMax), drawn by thinning (rng/sample.ts). */
export function bernoulliRow(p: Float64Array, pMax: number, row: Uint8Array, rng: Stream): void {
  row.fill(0);
  thinnedBernoulli(rng, p, 1, pMax, (m) => {
    row[m] = 1;
  });
}

/** A kernel drawing each user's indicator row from fixed per-movie probabilities (recorded as truth). */
function movieBernoulliKernel(p: Float64Array): NodeKernel {
  const row = new Uint8Array(p.length);
  let pMax = 0;
  for (const x of p) pMax = Math.max(pMax, x);
  return {
    truth: { propensity: p },
    forUser: ({ rng }) => {
      bernoulliRow(p, pMax, row, rng);
      return row;
    },
  };
}

/**
 * R_R's parameters. `rate` is P_M, a mean probability: any value in (0, 1] is one (1 asks that every
 * rating be observed; clipping then lowers the realised rate, and says so); 0 would leave no rating.
 */
export const popularityMissingnessParams = z
  .object({
    rate: z.number().gt(0).max(1).default(0.02),
    temperature: z.number().gt(0).default(500),
    bias: z.number().nullable().default(null).meta({ derivedDefault: "−|M|/(2T)" }),
  })
  .strict();

export const popularityMissingness = defineMechanism({
  kind: "popularity-missingness",
  family: "missingness",
  alias: "popularity",
  mainParameter: "rate",
  value: "indicator-row",
  description: "P(observed) = rate · s_m / mean(s), s_m = sigmoid(score_m / T + b) (Eq. 6)",
  plates: ["user-movie"],
  params: popularityMissingnessParams,
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined) throw new GraphError(`node '${ctx.node.name}': popularity-missingness needs a parent, the exposure score (like RecSys)`);
    const score = expectFloatRow(ctx.parents.get(parent), ctx.node.name, parent, ctx.dims.movies);
    const { rate, temperature: T } = ctx.params;
    const b = ctx.params.bias ?? -ctx.dims.movies / (2 * T);
    const s = Float64Array.from(score, (x) => sigmoid(x / T + b));
    const p = new Float64Array(s.length);
    const clipped = normaliseToRate(s, rate, p);
    if (clipped > 0) {
      ctx.warn(`node '${ctx.node.name}': rate ${rate} pushes P(observed) above 1 for ${clipped} of ${p.length} movies; clipped to 1 (the realised rate is lower)`);
    }
    return movieBernoulliKernel(p);
  },
});

export const uniformMissingness = defineMechanism({
  kind: "uniform-missingness",
  family: "missingness",
  alias: "uniform",
  mainParameter: "rate",
  readsParents: false,
  value: "indicator-row",
  description: "P(observed) = rate for every pair (missing completely at random)",
  plates: ["user-movie"],
  params: z.object({ rate: z.number().min(0).max(1).default(0.02) }).strict(),
  setup: (ctx) => {
    return movieBernoulliKernel(new Float64Array(ctx.dims.movies).fill(ctx.params.rate));
  },
});
