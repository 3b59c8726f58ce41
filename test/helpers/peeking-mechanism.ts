/**
 * A deliberately wrong missingness mechanism for tests: it reads the rating R through
 * `parents.get`, although the graph does not make R a parent of its node. The engine must refuse it.
 */
import { z } from "zod";
import { defineMechanism } from "../../src/mechanisms/mechanism.js";

export const peekingMissingness = defineMechanism({
  kind: "peeking-missingness",
  description: "observes a rating when it is high, reading R although R is not its parent",
  plates: ["user-movie"],
  params: z.object({}).strict(),
  setup: (ctx) => {
    const row = new Uint8Array(ctx.dims.movies);
    return {
      forUser: ({ parents }) => {
        const r = parents.get<Float64Array>("R");
        for (let m = 0; m < row.length; m++) row[m] = r[m]! >= 4 ? 1 : 0;
        return row;
      },
    };
  },
});
