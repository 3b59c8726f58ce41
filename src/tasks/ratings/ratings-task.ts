/**
 * The `ratings` task: debiased rating prediction (paper §7, "debiased learning" and "combining data
 * sources"), the protocol of Yahoo!R3 and Coat. A model trains on the observed, self-selected
 * ratings (MNAR) and a small uniformly random slice; it is scored on uniformly random (MCAR) test
 * ratings as papers report them, and against the exact population risk that only a world with
 * known potential outcomes gives. docs/tasks.md#ratings-debiased-rating-prediction has the protocol, formulas and baselines.
 */
import { ConfigError, InputError } from "../../errors/errors.js";
import { type Task, fromWorld } from "../task.js";
import { ratingCause, ratingMf, ratingMfIps, ratingMfIpsOracle, ratingMfSnips } from "./baselines.js";
import { ratingDrJl, ratingKdLabel } from "./baselines-uniform.js";
import { buildRatingsData } from "./build-ratings.js";
import type { RatingBaseline } from "./rating-baseline.js";
import { runRatingsBench } from "./ratings-bench.js";
import { RATINGS_OPTIONS, type RatingsData, parseRatingsOptions } from "./ratings-data.js";
import { RATING_METRICS, describeRatings, ratingsCsv, ratingsJson, ratingsMarkdown, ratingsPredictionTables } from "./ratings-format.js";
import { scoreRatingPredictions } from "./ratings-score.js";
import { ratingsFromTables, ratingsTables } from "./ratings-tables.js";

export const RATING_BASELINES: readonly RatingBaseline[] = [ratingMf, ratingMfIps, ratingMfIpsOracle, ratingMfSnips, ratingDrJl, ratingCause, ratingKdLabel];

export const ratingsTask: Task<RatingsData> = {
  name: "ratings",
  description: "debiased rating prediction: train on MNAR ratings, test on uniformly random (MCAR) ones and on the exact population risk",
  sees: "the observed (MNAR) ratings and a small uniformly random (MCAR) training slice, as (userid, movieid, rating)",
  truth: "uniformly random test ratings drawn from the world's potential outcomes, and the exact rating law of every user × movie",
  baselines: RATING_BASELINES.map((b) => b.name),
  models: RATING_BASELINES.map((b) => b.name),
  metrics: RATING_METRICS,
  predictionColumns: ["userid", "movieid", "prediction"],
  options: [...RATINGS_OPTIONS, { flag: "prediction-pairs", help: "which pairs bench --predictions writes: test (the MCAR test pairs) or all (every user × movie, for the population risk)", default: "test" }],
  async load(source, options) {
    const pairs = options["prediction-pairs"] ?? "test";
    if (pairs !== "test" && pairs !== "all") throw new ConfigError(`--prediction-pairs: expected test or all (got '${pairs}')`);
    const parsed = parseRatingsOptions(options);
    return fromWorld(source, (world) => buildRatingsData(world, parsed, options));
  },
  tables: ratingsTables,
  fromTables: ratingsFromTables,
  describe: describeRatings,
  async bench(data, config, dataset) {
    const asked = config.models.map((n) => RATING_BASELINES.find((b) => b.name === n)!);
    const skipped = data.oracle === undefined ? asked.filter((b) => b.needsOracle === true) : [];
    const models = asked.filter((b) => !skipped.includes(b));
    if (models.length === 0) throw new InputError(`${dataset}: the world records no exact rating propensities, and every model asked (${skipped.map((b) => b.name).join(", ")}) needs them`);
    if (skipped.length > 0) config.warn(`${dataset}: the world records no exact rating propensities: skipped ${skipped.map((b) => b.name).join(", ")}`);
    const results = runRatingsBench(data, models, config);
    const all = (data.options["prediction-pairs"] ?? "test") === "all";
    return {
      markdown: ratingsMarkdown(results, data, config, dataset),
      json: ratingsJson(results, data, config, dataset),
      csv: ratingsCsv(results),
      predictions: config.predictions ? ratingsPredictionTables(results, data, all) : [],
    };
  },
  pairCount: (d) => d.users * d.movies,
  score: scoreRatingPredictions,
};
