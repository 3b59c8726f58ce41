/**
 * RecSys: the recommender's exposure score, a deterministic function of the movie: |M| − rank_m
 * (the popularity recommender of the authors' generator, its only one: docs/model.md#recsys-exposure-score).
 * `uniform` gives every movie the same score, the midpoint, so that a missingness mechanism reading
 * it no longer depends on the movie.
 */
import { z } from "zod";
import { defineMechanism } from "./mechanism.js";

export const popularityExposure = defineMechanism({
  kind: "popularity-exposure",
  family: "exposure",
  alias: "popularity",
  value: "movie-numbers",
  deterministic: true,
  description: "exposure score |M| − rank_m (popularity recommender)",
  plates: ["movie"],
  params: z.object({}).strict(),
  setup: (ctx) => {
    const n = ctx.dims.movies;
    return { value: Float64Array.from({ length: n }, (_, m) => n - m) };
  },
});

export const uniformExposure = defineMechanism({
  kind: "uniform-exposure",
  family: "exposure",
  alias: "uniform",
  value: "movie-numbers",
  // A constant, kept a function of its parent M: dropping the edge would make RecSys an
  // unobserved cause (see graph/deterministic-closure.ts), so it still reads its parents.
  deterministic: true,
  description: "the same exposure score |M|/2 for every movie (a recommender that shows movies uniformly)",
  plates: ["movie"],
  params: z.object({}).strict(),
  setup: (ctx) => ({ value: new Float64Array(ctx.dims.movies).fill(ctx.dims.movies / 2) }),
});
