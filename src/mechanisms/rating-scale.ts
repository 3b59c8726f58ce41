/**
 * The rating scale of the CTAR layout. `train/rating.csv`'s rating column is an integer
 * (generate/dataset-layout.ts), as in the paper's data, and every reader (stats, report, export,
 * ope, bench, validate) reads it as one; so a dataset's ratings are whole numbers in [min, max]:
 * the built-in `rating` mechanism's `min` and `max` when the graph has it, else the CTAR default
 * (1..5), which a user's mechanism in the rating role must keep to. A rating node that can give
 * other values (`round: false`, a fractional `min` or `max`) is refused before any work, rather
 * than written into a dataset that its own readers then refuse.
 */
import type { MGraph } from "../graph/mgraph.js";
import { type RatingParams, ratingParams } from "./rating.js";
import type { Domain } from "./values.js";

/** The parameter of `rating` that makes non-integer ratings and why, or undefined when it gives whole numbers. */
export function nonIntegerRatings(p: Pick<RatingParams, "min" | "max" | "round">): { param: "round" | "min" | "max"; message: string } | undefined {
  const why = "the CTAR layout's ratings are whole numbers (train/rating.csv), which every ctar reader expects";
  if (!p.round) return { param: "round", message: `round: false gives non-integer ratings; ${why}` };
  if (!Number.isInteger(p.min)) return { param: "min", message: `${p.min} is not a whole number, and ratings are clipped to it; ${why}` };
  if (!Number.isInteger(p.max)) return { param: "max", message: `${p.max} is not a whole number, and ratings are clipped to it; ${why}` };
  return undefined;
}

/** The built-in rating node of `g` (mechanism kind 'rating') with its parameters, if any. */
function builtinRating(g: Pick<MGraph, "nodes">): { name: string; params: RatingParams } | undefined {
  const node = g.nodes.find((n) => n.mechanism.kind === "rating");
  if (node === undefined) return undefined;
  const p = ratingParams.safeParse(node.mechanism.params ?? {});
  return p.success ? { name: node.name, params: p.data } : undefined;
}

/** The ratings a dataset of `g` holds: whole numbers in [min, max]. */
export function ratingScaleOf(g: Pick<MGraph, "nodes">): Domain {
  const p = builtinRating(g)?.params ?? ratingParams.parse({});
  return { min: p.min, max: p.max, integer: true, what: `a whole-number rating in ${p.min}..${p.max}, the dataset's rating scale` };
}

/** Why `g`'s rating node cannot be written in the CTAR layout, or undefined. */
export function ratingScaleProblem(g: Pick<MGraph, "nodes">): string | undefined {
  const r = builtinRating(g);
  const bad = r === undefined ? undefined : nonIntegerRatings(r.params);
  return bad === undefined ? undefined : `node '${r!.name}' (mechanism 'rating'): parameter '${bad.param}': ${bad.message}`;
}
