/**
 * The click (docs/tasks-ranking.md#the-click-world): C = A · E, the attraction A seen where the
 * movie was examined (E = 1). It is the proxy of A with indicator E, with one difference from the
 * rating proxy: where A is missing the log reads a non-click (0), not a gap, so a non-click
 * mixes "not examined" with "not attracted" — the bias unbiased learning to rank corrects.
 * Its value is the click row; it emits no table (the click log is the ranking task's and
 * `ctar export --to ultra`'s, regenerated from the world).
 */
import { z } from "zod";
import { GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { expectIndicatorRow } from "./values.js";

export const clickProxy = defineMechanism({
  kind: "click-proxy",
  value: "indicator-row",
  deterministic: true,
  description: "C = A where E = 1, else 0 (a click: attracted and examined)",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  setup: (ctx) => {
    if (ctx.node.parents.length !== 2) throw new GraphError(`node '${ctx.node.name}': click-proxy needs exactly two parents, the attraction and its examination indicator (got ${ctx.node.parents.join(", ") || "none"})`);
    const [aName, eName] = ctx.node.parents as unknown as [string, string];
    const movies = ctx.dims.movies;
    const row = new Uint8Array(movies);
    return {
      forUser: ({ parents }) => {
        const a = expectIndicatorRow(parents.get(aName), ctx.node.name, aName, movies);
        const e = expectIndicatorRow(parents.get(eName), ctx.node.name, eName, movies);
        for (let m = 0; m < movies; m++) row[m] = a[m]! & e[m]!;
        return row;
      },
    };
  },
});
