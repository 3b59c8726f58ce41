/** Q (paper Eq. 4): Q_m = R̄_m + N(0, σ1²), R̄_m the catalog's average rating of movie m. */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { expectMovieTable } from "./values.js";

/** Q's parameter: σ1, the sd of the quality noise. */
export const qualityParams = z.object({ sigma: z.number().min(0).default(0.75) }).strict();

export const quality = defineMechanism({
  kind: "quality",
  role: "quality",
  value: "movie-numbers",
  description: "Q_m = avgRating_m + N(0, sigma²) (Eq. 4)",
  plates: ["movie"],
  params: qualityParams,
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined) throw new GraphError(`node '${ctx.node.name}': quality needs a parent, the catalog movies (like M)`);
    const movies = expectMovieTable(ctx.parents.get(parent), ctx.node.name, parent);
    const rng = ctx.stream("noise");
    const q = new Float64Array(movies.movies);
    for (let m = 0; m < q.length; m++) q[m] = movies.avgRating[m]! + ctx.params.sigma * rng.normal();
    return { value: q };
  },
});
