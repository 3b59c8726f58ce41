/**
 * The logging ranker of a click world (docs/tasks-ranking.md#the-click-world): the list of L
 * movies each user is shown, from which clicks are logged. It ranks the movies by the
 * recommender's exposure score (the parent, RecSys) perturbed per user with Gumbel noise:
 *   key_um = −ln r_m + noise · G_um,   G_um ~ Gumbel(0, 1) i.i.d.,   r_m the movie's position by score
 * and shows the L movies of largest key in decreasing order. By the Gumbel-top-k construction
 * this is a Plackett–Luce ranking with weights w_m = r_m^(−1/noise): the first movie is m with
 * probability w_m / Σ w, the next from the rest likewise. noise = 0 shows the L most exposed
 * movies in order to everyone; a larger noise mixes in less exposed ones.
 *
 * Result randomisation (Joachims, Swaminathan & Schnabel 2017, §5, "swap interventions"): with
 * probability `swap` the user's list has its positions 1 and k exchanged, k uniform on 2..L. The
 * swap is logged (LoggedList.swap), so the ratio of click rates estimates the examination curve.
 */
import { z } from "zod";
import { ConfigError, GraphError } from "../errors/errors.js";
import { defineMechanism } from "./mechanism.js";
import { listPositions } from "./position-missingness.js";
import { type LoggedList, expectFloatRow } from "./values.js";

export type { LoggedList };

export function isLoggedList(v: unknown): v is LoggedList {
  const l = v as LoggedList;
  return typeof v === "object" && v !== null && l.position instanceof Float64Array && l.order instanceof Int32Array && typeof l.swap === "number";
}

export const loggingRankerParams = z
  .object({
    length: z.number().int().min(1).max(100).default(10),
    noise: z.number().min(0).max(100).default(1),
    swap: z.number().min(0).max(1).default(0.2),
  })
  .strict();

/**
 * The L largest keys, as movie indices in decreasing key order (ties: the lower movie first).
 * An insertion into a sorted buffer of L: O(|M| · L) at worst, O(|M|) when the keys are random.
 */
export function topByKey(key: Float64Array, length: number, out: Int32Array): void {
  let n = 0;
  for (let m = 0; m < key.length; m++) {
    const x = key[m]!;
    if (n === length && !(x > key[out[n - 1]!]!)) continue;
    let i = n < length ? n++ : n - 1;
    while (i > 0 && x > key[out[i - 1]!]!) {
      out[i] = out[i - 1]!;
      i--;
    }
    out[i] = m;
  }
}

export const loggingRanker = defineMechanism({
  kind: "logging-ranker",
  value: "ranked-list",
  description: "the list of L movies a user is shown: top L of −ln r_m + noise·Gumbel (Plackett–Luce, weights r_m^(−1/noise)), positions 1 and k swapped with probability swap",
  plates: ["user-movie"],
  params: loggingRankerParams,
  setup: (ctx) => {
    const parent = ctx.node.parents[0];
    if (parent === undefined) throw new GraphError(`node '${ctx.node.name}': logging-ranker needs a parent, the exposure score that orders the list (like RecSys)`);
    const score = expectFloatRow(ctx.parents.get(parent), ctx.node.name, parent, ctx.dims.movies);
    const { length, noise, swap } = ctx.params;
    if (length > ctx.dims.movies) throw new ConfigError(`node '${ctx.node.name}': list length ${length} is longer than the catalog (${ctx.dims.movies} movies; expected length ≤ |M|)`);
    const base = Float64Array.from(listPositions(score), (r) => -Math.log(r));
    const key = new Float64Array(base.length);
    const position = new Float64Array(base.length);
    const order = new Int32Array(length);
    return {
      forUser: ({ rng }) => {
        for (let m = 0; m < key.length; m++) key[m] = noise === 0 ? base[m]! : base[m]! - noise * Math.log(-Math.log(rng.uniformOpen()));
        for (const m of order) position[m] = 0;
        topByKey(key, length, order);
        // The swap is drawn for every user (same draws whatever the rate), after the keys.
        const k = length >= 2 ? 2 + rng.int(length - 1) : 0;
        const swapped = length >= 2 && rng.uniform() < swap ? k : 0;
        if (swapped > 0) [order[0], order[swapped - 1]] = [order[swapped - 1]!, order[0]!];
        order.forEach((m, i) => {
          position[m] = i + 1;
        });
        return { position, order, swap: swapped } satisfies LoggedList;
      },
    };
  },
});
