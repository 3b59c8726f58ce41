/** The CTAR preset: the m-graph of docs/model.md with mechanism parameters from a configuration. */
import type { CtarConfig } from "../config/ctar-config.js";
import type { MGraph } from "../graph/mgraph.js";
import { buildCtarGraph } from "./ctar-graph.js";

export function ctarGraph(c: CtarConfig): MGraph {
  return buildCtarGraph({
    TM: { tagsPerMovie: c.tagsPerMovie },
    TU: { min: c.likedTags.min, max: c.likedTags.max },
    Q: { sigma: c.quality.sigma },
    R: { mu: c.rating.mu, sigma: c.rating.sigma, min: c.rating.min, max: c.rating.max, round: true },
    R_R: { rate: c.ratingMissingness.rate, temperature: c.ratingMissingness.temperature, bias: c.ratingMissingness.bias },
    R_RCT: { users: c.rct.users, moviesPerUser: c.rct.moviesPerUser },
    R_O: {
      rate: c.obsTag.rate,
      temperature: c.obsTag.temperature,
      alpha: c.obsTag.alpha,
      bias: c.obsTag.bias,
      keepRate: c.obsTag.keepRate,
    },
  });
}
