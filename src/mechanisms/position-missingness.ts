/**
 * Position bias on the rating missingness (docs/model.md#position-bias-the-position-missingness-mechanism):
 * the examination hypothesis of click models (Richardson, Dominowska & Ragno 2007; Craswell et
 * al. 2008), with the power-law examination curve of Joachims, Swaminathan & Schnabel (2017,
 * "Unbiased learning-to-rank with biased feedback"). The recommender shows the movies as one
 * ranked list, ordered by its exposure score (the parent, RecSys); the user examines the movie at
 * position r with probability ∝ r^−η and rates what they examine:
 *   r_m = 1 + #{m′ : s_m′ > s_m} + #{m′ < m : s_m′ = s_m}          (ties keep movie order)
 *   P(R_R = 1 | m) = min(1, rate · r_m^−η / mean_m′ r_m′^−η)
 * The normalisation keeps the mean rate at `rate` (as Eq. 6 does), so a comparison with the
 * popularity bias of Eq. 6 sees the same number of ratings. η = 0 is MCAR at `rate`; a larger η
 * puts the ratings at the top of the list. Probabilities above 1 are clipped and reported.
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { bernoulliRow, normaliseToRate } from "./popularity-missingness.js";
import { expectFloatRow } from "./values.js";

/** r_m: each movie's 1-based position in the list ordered by decreasing score, ties in movie order. */
export function listPositions(score: Float64Array): Int32Array {
  const order = Array.from(score, (_, m) => m).sort((a, b) => score[b]! - score[a]! || a - b);
  const position = new Int32Array(score.length);
  order.forEach((m, i) => {
    position[m] = i + 1;
  });
  return position;
}

export const positionMissingness = defineMechanism({
  kind: "position-missingness",
  family: "missingness",
  alias: "position",
  mainParameter: "rate",
  value: "indicator-row",
  description: "P(observed) = rate · r_m^−η / mean(r^−η), r_m the movie's position in the recommender's list (examination model)",
  plates: ["user-movie"],
  params: z
    .object({
      rate: z.number().gt(0).max(1).default(0.02),
      eta: z.number().min(0).default(1),
    })
    .strict(),
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined) throw new GraphError(`node '${ctx.node.name}': position-missingness needs a parent, the exposure score that orders the list (like RecSys)`);
    const position = listPositions(expectFloatRow(ctx.parents.get(parent), ctx.node.name, parent, ctx.dims.movies));
    const { rate, eta } = ctx.params;
    const p = new Float64Array(position.length);
    const clipped = normaliseToRate(Float64Array.from(position, (r) => r ** -eta), rate, p);
    if (clipped > 0) {
      ctx.warn(`node '${ctx.node.name}': rate ${rate} with eta ${eta} pushes P(observed) above 1 for the top ${clipped} of ${p.length} positions; clipped to 1 (the realised rate is lower)`);
    }
    const pMax = p.reduce((a, x) => Math.max(a, x), 0);
    const row = new Uint8Array(p.length);
    return {
      truth: { propensity: p, position },
      forUser: ({ rng }) => {
        bernoulliRow(p, pMax, row, rng);
        return row;
      },
    };
  },
});
