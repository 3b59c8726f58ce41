/** M: the catalog's |M| most tagged movies in popularity order (docs/model.md#m-movies). */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";

export const catalogMovies = defineMechanism({
  kind: "catalog-movies",
  value: "movie-table",
  deterministic: true,
  description: "the |M| most tagged movies of the catalog, with their average rating and base tags",
  plates: ["movie"],
  params: z.object({}).strict(),
  setup: (ctx) => {
    if (ctx.catalog === undefined) throw new GraphError(`node '${ctx.node.name}': no catalog was given to the run`);
    return { value: ctx.catalog };
  },
});
