/**
 * R_RCT (docs/model.md#r_rct-randomized-survey): `users` users drawn uniformly without replacement, each shown
 * `moviesPerUser` movies drawn uniformly without replacement. No parents: MCAR by construction.
 */
import { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { sampleWithoutReplacement } from "../rng/sample.js";
import { defineMechanism } from "./mechanism.js";

export const randomizedSurvey = defineMechanism({
  kind: "randomized-survey",
  family: "missingness",
  readsParents: false,
  value: "indicator-row",
  description: "a uniform random sample of users, each asked about a uniform random sample of movies",
  plates: ["user-movie"],
  params: z
    .object({
      users: z.number().int().min(0).default(100),
      moviesPerUser: z.number().int().min(0).default(10),
    })
    .strict(),
  setup: (ctx) => {
    const { users, moviesPerUser } = ctx.params;
    if (users > ctx.dims.users) {
      throw new ConfigError(`option rct.users: ${users} RCT users asked for, but there are only ${ctx.dims.users} users`);
    }
    if (moviesPerUser > ctx.dims.movies) {
      throw new ConfigError(`option rct.moviesPerUser: ${moviesPerUser} movies per RCT user asked for, but there are only ${ctx.dims.movies} movies`);
    }
    const chosen = new Uint8Array(ctx.dims.users);
    for (const u of sampleWithoutReplacement(ctx.stream("users"), ctx.dims.users, users)) chosen[u] = 1;
    const row = new Uint8Array(ctx.dims.movies);
    return {
      truth: { surveyed: chosen },
      forUser: ({ user, rng }) => {
        row.fill(0);
        if (chosen[user] === 1) for (const m of sampleWithoutReplacement(rng, ctx.dims.movies, moviesPerUser)) row[m] = 1;
        return row;
      },
    };
  },
});
