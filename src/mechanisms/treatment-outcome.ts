/**
 * Y, an outcome with two potential-outcome arms (docs/tasks-uplift.md#the-world-ctar-uplift): does
 * user u watch movie m? Its parents are the relevance R and the treatment Rec; with
 * ρ = clip((R − min)/(max − min), 0, 1) the user's liking on [0, 1],
 *   P(Y = 1 | do(Rec = 0)) = control · ρ^controlShape      (watching on one's own)
 *   P(Y = 1 | do(Rec = 1)) = treated · ρ^treatedShape      (watching once recommended)
 * and Y is drawn from the arm Rec selects. The effect of recommending is the difference of the
 * arms, τ_{u,m} = P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0)), exact for every pair: the
 * value carries both arms. Defaults (control 0.4, shape 4; treated 0.6, shape 1) make organic
 * watching concentrate on the best-rated movies, so on the 1–5 scale the effect is largest at
 * rating 4 and smaller at 5 than at 3 (τ = 0, 0.148, 0.275, 0.323, 0.2): the movies a user would watch
 * anyway are not the ones worth recommending, the point of Sato et al. (RecSys 2020).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { expectFloatRow, expectTreatmentRow } from "./values.js";

export const treatmentOutcomeParams = z
  .object({
    control: z.number().min(0).max(1).default(0.4),
    controlShape: z.number().min(0).default(4),
    treated: z.number().min(0).max(1).default(0.6),
    treatedShape: z.number().min(0).default(1),
    min: z.number().default(1),
    max: z.number().default(5),
  })
  .strict()
  .check((payload) => {
    const { min, max } = payload.value;
    if (!(min < max)) payload.issues.push({ code: "custom", path: ["min"], message: `${min} is not below max = ${max} (the scale maps R to [0, 1])`, input: payload.value });
  });

export type TreatmentOutcomeParams = z.output<typeof treatmentOutcomeParams>;

/** Both arms' probabilities for relevance r (the law of the header). */
export function outcomeArms(o: TreatmentOutcomeParams, r: number): { control: number; treated: number } {
  const rho = Math.min(1, Math.max(0, (r - o.min) / (o.max - o.min)));
  return { control: o.control * rho ** o.controlShape, treated: o.treated * rho ** o.treatedShape };
}

export const treatmentOutcome = defineMechanism({
  kind: "treatment-outcome",
  family: "outcome",
  value: "outcome-row",
  description: "P(Y = 1 | do(Rec = t)) = level_t · ρ^shape_t, ρ = (R − min)/(max − min): two potential-outcome arms, Y drawn from the arm Rec selects",
  plates: ["user-movie"],
  params: treatmentOutcomeParams,
  setup: (ctx) => {
    const name = ctx.node.name;
    if (ctx.node.parents.length !== 2) {
      throw new GraphError(`node '${name}': treatment-outcome needs two parents, the relevance and the treatment (like R and Rec; got ${ctx.node.parents.join(", ") || "none"})`);
    }
    const [rName, tName] = ctx.node.parents as unknown as [string, string];
    const movies = ctx.dims.movies;
    const o = ctx.params;
    const value = { outcome: new Uint8Array(movies), control: new Float64Array(movies), treated: new Float64Array(movies) };
    return {
      forUser: ({ parents, rng }) => {
        const r = expectFloatRow(parents.get(rName), name, rName, movies);
        const t = expectTreatmentRow(parents.get(tName), name, tName, movies).treated;
        for (let m = 0; m < movies; m++) {
          const arms = outcomeArms(o, r[m]!);
          value.control[m] = arms.control;
          value.treated[m] = arms.treated;
          value.outcome[m] = rng.uniform() < (t[m] === 1 ? arms.treated : arms.control) ? 1 : 0;
        }
        return value;
      },
    };
  },
});
