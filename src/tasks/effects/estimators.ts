/**
 * The baselines of the `effects` task: each estimates τ(u, t) for the whole population from the
 * observed data (effects-data.ts). `oracle` estimators also read the true propensities of
 * truth/movie.csv; `randomized` ones draw from keyed streams (one run per seed, else one run).
 */
import type { Stream } from "../../rng/stream.js";
import { armContrast, countPropensity, inverse } from "./arm-contrast.js";
import type { EffectsData } from "./effects-data.js";
import { populationSize } from "./effects-data.js";
import { popularityEstimate } from "./popularity.js";
import { TAG_REGRESSION_DEFAULTS, fitTagRegression, tagRegressionEffects } from "./tag-regression.js";

export interface EffectEstimator {
  /** Name on the command line and in the random streams' keys. */
  readonly name: string;
  /** One line: what it computes and its source. */
  readonly description: string;
  /** Reads the oracle propensities (data.propensity). */
  readonly oracle?: boolean;
  /** Draws random numbers: worth several runs. */
  readonly randomized?: boolean;
  readonly defaults: Readonly<Record<string, number>>;
  estimate(data: EffectsData, options: Readonly<Record<string, number>>, stream: (purpose: string) => Stream): Float64Array;
}

export const EFFECT_ESTIMATORS: readonly EffectEstimator[] = [
  {
    name: "zero",
    description: "τ̂ = 0 for every pair (a reference: no effect anywhere, which is right for every tag a user does not like)",
    defaults: {},
    estimate: (data) => new Float64Array(populationSize(data.users, data.catalogTags.length)),
  },
  {
    name: "popularity",
    description: "the tag's popularity: share of users labelling it (obstag ∪ rcttag) × the mean naive contrast of labelled pairs",
    defaults: {},
    estimate: (data) => popularityEstimate(data),
  },
  {
    name: "naive",
    description: "a user's mean observed rating of movies with the tag minus without it (0 when an arm is empty)",
    defaults: {},
    estimate: (data) => armContrast(data, null),
  },
  {
    name: "ips-oracle",
    description: "the naive contrast with each rating weighted by 1/P(R_R = 1 | m), the true propensity of truth/movie.csv (Hájek form)",
    oracle: true,
    defaults: {},
    estimate: (data) => {
      if (data.propensity === undefined) throw new RangeError("ips-oracle: needs the true propensities (truth/movie.csv)");
      return armContrast(data, inverse(data.propensity));
    },
  },
  {
    name: "ips-count",
    description: "the naive contrast weighted by 1/p̂_m, p̂_m = the movie's ratings / users (R_R depends on the movie only; Hájek form)",
    defaults: {},
    estimate: (data) => armContrast(data, inverse(countPropensity(data))),
  },
  {
    name: "mf-tags",
    description: "regression: ratings factorised with tag features, ŷ = μ + b_u + b_m + Σ_{t∈TM}(c_t + p_u·q_t); τ̂ = both arms' difference = c_t + p_u·q_t",
    randomized: true,
    defaults: TAG_REGRESSION_DEFAULTS,
    estimate: (data, options, stream) => tagRegressionEffects(fitTagRegression(data, { ...TAG_REGRESSION_DEFAULTS, ...options }, stream), data.users, data.catalogTags.length),
  },
];

export function effectEstimator(name: string): EffectEstimator | undefined {
  return EFFECT_ESTIMATORS.find((e) => e.name === name);
}
