/**
 * R (paper Eq. 5, as the reference generator applies it): R_{u,m} = clip(round(Q_m − μ +
 * N(|TL_{u,m}|/2, σ2²)), min, max). `round: false` keeps the continuous value (still clipped).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { expectFloatRow, expectTagSetRow, popcount } from "./values.js";

export const ratingParams = z
  .object({
    mu: z.number().default(0.7),
    sigma: z.number().min(0).default(0.25),
    min: z.number().default(1),
    max: z.number().default(5),
    round: z.boolean().default(true),
  })
  .strict()
  .refine((p) => p.min <= p.max, { message: "min must not exceed max" });

export type RatingParams = z.output<typeof ratingParams>;

export const rating = defineMechanism({
  kind: "rating",
  description: "R = clip(round(Q − mu + N(|TL|/2, sigma²)), min, max) (Eq. 5)",
  plates: ["user-movie"],
  params: ratingParams,
  setup: (ctx) => {
    const name = ctx.node.name;
    if (ctx.node.parents.length !== 2) throw new GraphError(`node '${name}': rating needs two parents, the liked-tag overlap (TL) and the quality (Q)`);
    const [tlName, qName] = ctx.node.parents as [string, string];
    const q = expectFloatRow(ctx.parents.get(qName), name, qName, ctx.dims.movies);
    const { mu, sigma, min, max, round } = ctx.params;
    const row = new Float64Array(ctx.dims.movies);
    const base = Float64Array.from(q, (x) => x - mu);
    return {
      forUser: ({ parents, rng }) => {
        const tl = expectTagSetRow(parents.get(tlName), name, tlName).mask;
        for (let m = 0; m < row.length; m++) {
          let x = base[m]! + popcount(tl[m]!) * 0.5 + sigma * rng.normal();
          if (round) x = Math.round(x);
          row[m] = x < min ? min : x > max ? max : x;
        }
        return row;
      },
    };
  },
});
