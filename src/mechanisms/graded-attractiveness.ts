/**
 * Attraction in a click world (docs/tasks-ranking.md#the-click-world): would the user click the
 * movie if they examined it? The graded map of ULTRA's position-based click model (Ai et al.
 * 2021, after Chapelle et al. 2009's gain 2^y − 1), from the true relevance y = R − min of the
 * rating (the parent; R in min..max, so y in 0..y_max with y_max = max − min):
 *   P(A = 1 | y) = ε− + (ε+ − ε−) · (2^y − 1) / (2^y_max − 1)
 * with ULTRA's defaults ε− = 0.1 (a click on an irrelevant movie: noise) and ε+ = 1. A is drawn
 * for every movie (a potential outcome, set V_m); the click is A where examined (click-proxy).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { expectFloatRow } from "./values.js";

export const gradedAttractivenessParams = z
  .object({
    epsMin: z.number().min(0).max(1).default(0.1),
    epsMax: z.number().min(0).max(1).default(1),
    min: z.number().int().default(1),
    max: z.number().int().default(5),
  })
  .strict()
  .check((payload) => {
    const { epsMin, epsMax, min, max } = payload.value;
    if (epsMin > epsMax) payload.issues.push({ code: "custom", path: ["epsMin"], message: `${epsMin} exceeds epsMax = ${epsMax}`, input: payload.value });
    if (min >= max) payload.issues.push({ code: "custom", path: ["min"], message: `${min} is not below max = ${max} (the relevance scale needs two grades at least)`, input: payload.value });
  });

export type GradedAttractivenessParams = z.output<typeof gradedAttractivenessParams>;

/** The relevance grade of rating r: r − min, clipped to 0..max − min. */
export function relevanceGrade(r: number, p: Pick<GradedAttractivenessParams, "min" | "max">): number {
  return Math.min(p.max - p.min, Math.max(0, r - p.min));
}

/** P(A = 1 | rating r), the map of the header. */
export function attractiveness(r: number, p: GradedAttractivenessParams): number {
  const yMax = p.max - p.min;
  return p.epsMin + ((p.epsMax - p.epsMin) * (2 ** relevanceGrade(r, p) - 1)) / (2 ** yMax - 1);
}

export const gradedAttractiveness = defineMechanism({
  kind: "graded-attractiveness",
  value: "indicator-row",
  description: "P(A = 1) = ε− + (ε+ − ε−)(2^y − 1)/(2^y_max − 1), y = R − min the relevance grade (ULTRA's click model)",
  plates: ["user-movie"],
  params: gradedAttractivenessParams,
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined || ctx.node.parents.length !== 1) throw new GraphError(`node '${ctx.node.name}': graded-attractiveness needs one parent, the rating (like R)`);
    const p = ctx.params;
    const row = new Uint8Array(ctx.dims.movies);
    return {
      forUser: ({ parents, rng }) => {
        const r = expectFloatRow(parents.get(parent), ctx.node.name, parent, ctx.dims.movies);
        for (let m = 0; m < row.length; m++) row[m] = rng.uniform() < attractiveness(r[m]!, p) ? 1 : 0;
        return row;
      },
    };
  },
});
