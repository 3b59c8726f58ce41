/**
 * TM (docs/model.md#tm-movie-tags): each movie's first `tagsPerMovie` catalog tags; a movie with fewer is
 * padded with draws from the tag popularity π, without duplicates.
 */
import { z } from "zod";
import { ConfigError, GraphError } from "../errors/errors.js";
import { WeightedTable, weightedSampleWithoutReplacement } from "../rng/sample.js";
import { defineMechanism } from "./mechanism.js";
import { MAX_TAGS_PER_MOVIE, type TmValue, expectMovieTable } from "./values.js";

/** TM's parameters (at most MAX_TAGS_PER_MOVIE: TL is a bit mask over the movie's tag slots). */
export const movieTagsParams = z.object({ tagsPerMovie: z.number().int().min(1).max(MAX_TAGS_PER_MOVIE).default(8) }).strict();

export const movieTags = defineMechanism({
  kind: "movie-tags",
  role: "movie-tags",
  value: "movie-tags",
  description: "the movie's first k catalog tags, padded with draws from tag popularity π",
  plates: ["movie"],
  params: movieTagsParams,
  setup: (ctx) => {
    const k = ctx.params.tagsPerMovie;
    const [mName] = ctx.node.parents;
    if (mName === undefined) throw new GraphError(`node '${ctx.node.name}': movie-tags needs a parent, the catalog movies (like M)`);
    const movies = expectMovieTable(ctx.parents.get(mName), ctx.node.name, mName);
    const table = new WeightedTable(ctx.tags.popularity);
    if (table.support < k) {
      throw new ConfigError(
        `option tagsPerMovie: ${k} tags per movie, but the catalog's selected movies use only ${table.support} distinct tags`,
      );
    }
    const rng = ctx.stream("padding");
    const start = new Int32Array(movies.movies + 1);
    const tag = new Int32Array(movies.movies * k);
    let w = 0;
    for (let m = 0; m < movies.movies; m++) {
      start[m] = w;
      const from = movies.tagStart[m]!;
      const own = Math.min(k, movies.tagStart[m + 1]! - from);
      const present = new Set<number>();
      for (let j = 0; j < own; j++) {
        const t = movies.tag[from + j]!;
        tag[w++] = t;
        present.add(t);
      }
      if (own < k) {
        const pad = weightedSampleWithoutReplacement(rng, table, k - own, present);
        for (const t of pad) tag[w++] = t;
      }
    }
    start[movies.movies] = w;
    const value: TmValue = { start, tag, originalTagId: movies.originalTagId };
    return { value };
  },
});
