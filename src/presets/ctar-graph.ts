/**
 * The CTAR m-graph of the paper's Figure 4 and Table 2 (docs/model.md#nodes-sets-and-plates), as a value. Mechanism
 * parameters are filled from a resolved configuration by `ctarGraph(config)`; `CTAR_STRUCTURE`
 * is the bare structure (no parameters) for analysis and drawing.
 */
import type { MGraph, NodeSpec } from "../graph/mgraph.js";

type Params = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

function node(
  name: string,
  set: NodeSpec["set"],
  plate: NodeSpec["plate"],
  parents: string[],
  kind: string,
  description: string,
  params: Params,
  deterministic = false,
): NodeSpec {
  const p = params[name];
  return {
    name,
    set,
    plate,
    parents,
    mechanism: p === undefined ? { kind } : { kind, params: p },
    description,
    ...(deterministic ? { deterministic: true } : {}),
  };
}

/** Builds the CTAR graph with the given per-node mechanism parameters (keyed by node name). */
export function buildCtarGraph(params: Params = {}): MGraph {
  return {
    name: "ctar",
    nodes: [
      node("U", "V_o", "user", [], "user-index", "the user", params, true),
      node("M", "V_o", "movie", [], "catalog-movies", "the movie: the |M| most tagged movies of the catalog, in popularity order", params, true),
      node("TM", "V_o", "movie", ["M"], "movie-tags", "the movie's tags: its catalog tags, padded from tag popularity", params),
      node("TU", "N", "user", ["U"], "liked-tags", "tags the user likes, drawn from tag popularity", params),
      node("TL", "V_m", "user-movie", ["TU", "TM"], "tag-overlap", "TM ∩ TU: the movie's tags the user likes", params, true),
      node("Q", "N", "movie", ["M"], "quality", "movie quality: average rating plus normal noise (Eq. 4)", params),
      node("R", "V_m", "user-movie", ["TL", "Q"], "rating", "the rating, potential outcome for every pair (Eq. 5)", params),
      node("RecSys", "N", "movie", ["M"], "popularity-exposure", "the recommender's exposure score, a deterministic function of M", params, true),
      node("R_R", "R", "user-movie", ["RecSys"], "popularity-missingness", "missingness of the rating: popularity bias (Eq. 6)", params),
      node("R_RCT", "R", "user-movie", [], "randomized-survey", "missingness of the randomized tag survey (MCAR)", params),
      node("R_O", "R", "user-movie", ["RecSys", "R", "TL"], "selection-missingness", "missingness of observational tags: popularity, user selection and tag-overlap bias (Eq. 7)", params),
      node("R*", "V*", "user-movie", ["R", "R_R"], "rating-proxy", "observed rating (rating.csv)", params, true),
      node("RCT*", "V*", "user-movie", ["TL", "R_RCT"], "survey-tag-proxy", "observed RCT tags (rcttag.csv)", params, true),
      node("O*", "V*", "user-movie", ["TL", "R_O"], "observational-tag-proxy", "observed observational tags (obstag.csv); dropped tags form Test I", params),
    ],
  };
}

export const CTAR_STRUCTURE: MGraph = buildCtarGraph();
