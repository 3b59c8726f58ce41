/**
 * Scores a `userid,movieid,prediction` table on the ratings task. Every MCAR test pair needs a
 * prediction (MSE, MAE, AUC, NDCG@5). The population risk needs one for every user × movie: given
 * all of them it is exact; given fewer (only the test pairs, say) it is not reported, and a note
 * says so, since the risk of the missing pairs is unknown.
 */
import { PairIndex } from "../pair-index.js";
import type { ReadTable, ScoreResult } from "../task.js";
import { PopulationRisk } from "./population-risk.js";
import type { RatingsData } from "./ratings-data.js";
import { scoreRow } from "./ratings-bench.js";

export function scoreRatingPredictions(data: RatingsData, table: ReadTable): ScoreResult {
  const index = new PairIndex(table, ["userid", "movieid", "prediction"], data.users, data.movies);
  const test = new Float64Array(data.test.n);
  index.gather(data.test.user, data.test.tag, data.test.n, test, "the MCAR test set");
  const pairs = data.users * data.movies;
  const notes: string[] = [`scored ${table.file}: ${data.test.n} MCAR test pairs`];
  let risk: number | null = null;
  if ("reason" in data.population) notes.push(`pop. risk: not available (${data.population.reason})`);
  else if (index.size < pairs) notes.push(`pop. risk: needs a prediction for every user × movie (${pairs} pairs; the file has ${index.size}), so it is not reported`);
  else {
    const movie = Int32Array.from({ length: data.movies }, (_, m) => m);
    const user = new Int32Array(data.movies);
    risk = new PopulationRisk(data.population).risk((u, out) => {
      user.fill(u);
      index.gather(user, movie, data.movies, out, "the population risk");
    });
    notes.push(`pop. risk: exact, over all ${pairs} pairs`);
  }
  return { row: scoreRow(data, test, risk), notes };
}
