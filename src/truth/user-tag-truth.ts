/**
 * τ and τ′ (paper Eq. 1–2, see tag-effect.ts) for a generated dataset: finds the rating node and
 * its parameters in the graph that ran, and says why when the closed form does not apply (a graph
 * whose rating is not Eq. 5 of TL = TM ∩ TU and Q).
 */
import type { MGraph } from "../graph/mgraph.js";
import { nodeByName } from "../graph/mgraph.js";
import { ratingParams } from "../mechanisms/rating.js";
import { builtinRegistry } from "../mechanisms/registry.js";
import { roleNode } from "../mechanisms/roles.js";
import type { RatingModel } from "../mechanisms/rating-expectation.js";
import type { MovieTags } from "../catalog/movie-tags.js";
import { TagEffects } from "./tag-effect.js";

/** The rating model and the names of its TL and Q parents, or the reason there is none. */
export function ratingModelOf(graph: MGraph, node: string | undefined): { model: RatingModel; tl: string; q: string } | { reason: string } {
  if (node === undefined) return { reason: "the graph has no rating node (role rating, mechanism 'rating')" };
  const r = nodeByName(graph, node);
  if (r === undefined) return { reason: `the graph has no node '${node}'` };
  if (r.mechanism.kind !== "rating") return { reason: `node '${node}' uses mechanism '${r.mechanism.kind}', not 'rating' (Eq. 5)` };
  const [tlName, qName] = r.parents;
  const tl = tlName === undefined ? undefined : nodeByName(graph, tlName);
  if (tl === undefined || qName === undefined || tl.mechanism.kind !== "tag-overlap") {
    return { reason: `node '${node}' does not read a tag overlap TL = TM ∩ TU (mechanism 'tag-overlap') as its first parent` };
  }
  const parsed = ratingParams.safeParse(r.mechanism.params ?? {});
  if (!parsed.success) return { reason: `node '${node}': invalid rating parameters` };
  return { model: parsed.data, tl: tlName!, q: qName };
}

/** What the closed form needs of a generated dataset (a `Dataset` of generate/generate.ts is one). */
export interface TagEffectInput {
  readonly graph: MGraph;
  readonly movieTags: MovieTags;
  readonly movieValues: ReadonlyMap<string, unknown>;
  readonly catalog: { readonly movies: number; readonly tagPopularity: ArrayLike<number> };
}

/** The tag effects of a dataset, or the reason they cannot be computed in closed form. */
export function datasetTagEffects(d: TagEffectInput): TagEffects | { reason: string } {
  // The closed form is Eq. 5's: only the built-in 'rating' mechanism (role rating) has it.
  const found = ratingModelOf(d.graph, roleNode(d.graph, builtinRegistry(), "rating"));
  if ("reason" in found) return found;
  const q = d.movieValues.get(found.q);
  if (!(q instanceof Float64Array) || q.length !== d.catalog.movies) return { reason: `node '${found.q}' is not a numeric value per movie` };
  return new TagEffects(d.movieTags, q, found.model, d.catalog.tagPopularity.length);
}
