/**
 * R_RCT (docs/model.md#r_rct-randomized-survey): `users` users drawn uniformly without replacement, each shown
 * `moviesPerUser` movies drawn uniformly without replacement. No parents: MCAR by construction.
 */
import { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { sampleWithoutReplacement } from "../rng/sample.js";
import { type Dims, defineMechanism } from "./mechanism.js";

/** R_RCT's parameters: the survey's size. */
export const randomizedSurveyParams = z
  .object({
    users: z.number().int().min(0).default(100),
    moviesPerUser: z.number().int().min(0).default(10),
  })
  .strict();

/**
 * The survey's other rule, which needs the world's size: samples without replacement cannot exceed
 * the population. The parameter at fault and why, or undefined. (The configuration checks it too,
 * before any work starts.)
 */
export function surveyOversize(p: { readonly users: number; readonly moviesPerUser: number }, dims: Dims): { param: "users" | "moviesPerUser"; message: string } | undefined {
  if (p.users > dims.users) return { param: "users", message: `${p.users} RCT users, but only ${dims.users} users (expected at most ${dims.users})` };
  if (p.moviesPerUser > dims.movies) return { param: "moviesPerUser", message: `${p.moviesPerUser} movies per RCT user, but only ${dims.movies} movies (expected at most ${dims.movies})` };
  return undefined;
}

export const randomizedSurvey = defineMechanism({
  kind: "randomized-survey",
  family: "missingness",
  readsParents: false,
  value: "indicator-row",
  description: "a uniform random sample of users, each asked about a uniform random sample of movies",
  plates: ["user-movie"],
  params: randomizedSurveyParams,
  setup: (ctx) => {
    const { users, moviesPerUser } = ctx.params;
    // the rule is surveyOversize's; the words are those graph files have always had here
    const oversize = surveyOversize(ctx.params, ctx.dims);
    if (oversize?.param === "users") throw new ConfigError(`option rct.users: ${users} RCT users asked for, but there are only ${ctx.dims.users} users`);
    if (oversize !== undefined) throw new ConfigError(`option rct.moviesPerUser: ${moviesPerUser} movies per RCT user asked for, but there are only ${ctx.dims.movies} movies`);
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
