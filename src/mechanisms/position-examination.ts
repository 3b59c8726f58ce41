/**
 * Examination in a click world (docs/tasks-ranking.md#the-click-world): the examination
 * hypothesis of click models (Richardson, Dominowska & Ragno 2007; Craswell et al. 2008) with the
 * power-law curve of Joachims, Swaminathan & Schnabel (2017), the one ULTRA simulates (Ai et al.
 * 2021, η = 1 by default). The parent is the logging ranker's list; the user examines the movie at
 * position k with probability
 *   P(E = 1 | k) = k^−η          (never a movie that is not shown: P = 0)
 * independently of everything else. E is the missingness indicator of the attraction A: a click
 * shows A only where the movie was examined. Unlike position-missingness (which rescales the
 * curve to a rate over the whole catalog) the curve is not normalised: position 1 is always seen.
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { isLoggedList } from "./logging-ranker.js";
import { defineMechanism } from "./mechanism.js";

export const positionExaminationParams = z.object({ eta: z.number().min(0).max(10).default(1) }).strict();

/** P(E = 1) at 1-based position k: k^−η (0 for k = 0, not shown). */
export function examinationProbability(k: number, eta: number): number {
  return k >= 1 ? k ** -eta : 0;
}

export const positionExamination = defineMechanism({
  kind: "position-examination",
  mainParameter: "eta",
  value: "indicator-row",
  description: "P(E = 1) = k^−η at position k of the logged list, 0 off the list (examination hypothesis)",
  plates: ["user-movie"],
  params: positionExaminationParams,
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined || ctx.node.parents.length !== 1) throw new GraphError(`node '${ctx.node.name}': position-examination needs one parent, the logged list (a logging-ranker node)`);
    const { eta } = ctx.params;
    const row = new Uint8Array(ctx.dims.movies);
    return {
      forUser: ({ parents, rng }) => {
        const list = parents.get(parent);
        if (!isLoggedList(list)) throw new GraphError(`node '${ctx.node.name}': parent '${parent}' must be a logged list (a logging-ranker node)`);
        row.fill(0);
        // One draw per position, in list order: the same draws whatever η is.
        list.order.forEach((m, i) => {
          row[m] = rng.uniform() < examinationProbability(i + 1, eta) ? 1 : 0;
        });
        return row;
      },
    };
  },
});
