/**
 * Export for off-policy evaluation: the logged feedback with its exact logging propensities.
 * `ratings.csv`: one row per observed rating with P(R_R = 1) (truth/full's p_rating when present,
 * else truth/movie's p_rating_observed, Eq. 6). `obstag_pairs.csv`: one row per ObsTag pair
 * (R_O = 1) with its labelled tags and P(R_O = 1) (Eq. 7), which depends on the rating and so is
 * recorded only in truth/full: without it the export stops with a message. `bandit_feedback.csv`:
 * the rows of ratings.csv under the names of Open Bandit Pipeline's `bandit_feedback` dict, one
 * round per observed rating: context = userid, action = movieid, position = 0 (one slot: the
 * rating missingness observes each pair on its own), reward = the rating, pscore = P(R_R = 1).
 */
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import { CsvWriter } from "../tables/csv-writer.js";
import { findTable, locateTable, rowPlace, tableBlocks } from "../tables/dataset-table.js";
import { readRatingPropensity } from "../dataset/read-rating-propensity.js";
import { PairCursor } from "../tables/table-cursor.js";
import { readMovieTable } from "../dataset/read-bench-dataset.js";
import { idRanges } from "./id-range.js";

export async function exportLoggedFeedback(dir: string, out: string, users: number, movies: number): Promise<string[]> {
  const full = findTable(dir, "truth/full");
  if (full === undefined) throw new InputError(`${join(dir, "truth/full.csv.gz")}: file not found: P(R_O = 1) of each ObsTag pair is recorded only there (generate the dataset with --truth full)`);
  const byMovie = readRatingPropensity(dir, movies);
  const rating = locateTable(dir, "train/rating");
  const w = new CsvWriter(join(out, "ratings.csv"), "userid,movieid,rating,propensity");
  const bandit = new CsvWriter(join(out, "bandit_feedback.csv"), "context,action,position,reward,pscore");
  let cursor = PairCursor.open(full, ["p_rating"]);
  for await (const b of tableBlocks(rating, ["userid", "movieid", "rating"])) {
    const [u, m, r] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      if (m![i]! < 0 || m![i]! >= movies) throw new InputError(`${rowPlace(rating, b.start + i)}: movieid ${m![i]} out of range (expected 0..${movies - 1})`);
      if (u![i]! < 0 || u![i]! >= users) throw new InputError(`${rowPlace(rating, b.start + i)}: userid ${u![i]} out of range (expected 0..${users - 1}, the users config.json records)`);
      const p = (await cursor.seek(u![i]!, m![i]!)) ? cursor.value(2) : byMovie[m![i]!]!;
      w.line(`${u![i]},${m![i]},${r![i]},${p}`);
      bandit.line(`${u![i]},${m![i]},0,${r![i]},${p}`);
    }
  }
  w.close();
  bandit.close();
  await cursor.close();
  const obstag = locateTable(dir, "train/obstag");
  const tagCount = idRanges(users, readMovieTable(dir)).tags;
  const o = new CsvWriter(join(out, "obstag_pairs.csv"), "userid,movieid,labelled_tags,propensity");
  cursor = PairCursor.open(full, ["p_obstag"]);
  let user = -1;
  let movie = -1;
  let tags: number[] = [];
  let place = "";
  const flush = async () => {
    if (user < 0) return;
    if (!(await cursor.seek(user, movie))) throw new InputError(`${place}: ObsTag pair (user ${user}, movie ${movie}) has no row in ${full.file}`);
    o.line(`${user},${movie},"${tags.filter((t) => t >= 0).join(",")}",${cursor.value(2)}`);
  };
  for await (const b of tableBlocks(obstag, ["userid", "movieid", "tagid"])) {
    const [u, m, t] = b.cols as Int32Array[];
    for (let i = 0; i < b.rows; i++) {
      if (u![i]! < 0 || u![i]! >= users || m![i]! < 0 || m![i]! >= movies) throw new InputError(`${rowPlace(obstag, b.start + i)}: user ${u![i]}, movie ${m![i]} out of range (expected users 0..${users - 1}, movies 0..${movies - 1})`);
      if (u![i] !== user || m![i] !== movie) {
        await flush();
        user = u![i]!;
        movie = m![i]!;
        tags = [];
        place = rowPlace(obstag, b.start + i);
      }
      if (t![i]! < -1 || t![i]! >= tagCount) throw new InputError(`${rowPlace(obstag, b.start + i)}: tagid ${t![i]} out of range (expected 0..${tagCount - 1}, the tags movie.csv lists, or −1); nothing was exported`);
      tags.push(t![i]!);
    }
  }
  await flush();
  o.close();
  await cursor.close();
  return ["ratings.csv", "bandit_feedback.csv", "obstag_pairs.csv"];
}
