/**
 * Reads what the `effects` task needs of a dataset folder (either format, ../dataset-table.ts):
 * the observed data (train/movie, rating, obstag, rcttag) and, when present, truth/movie's
 * propensities (for the oracle estimators) and truth/user_tag's τ (to score against).
 * Sizes as the tags bench reads them: users from config.json when recorded, else max id + 1;
 * tags = max id + 1 over movie.csv.
 */
import { statSync } from "node:fs";
import { forEachCsvRow, readText } from "../tables/csv.js";
import { catalogTagsOf } from "../../bench/dataset.js";
import { InputError } from "../../errors/errors.js";
import { moviesOf } from "../../catalog/movie-tags.js";
import { POPULATION_MAX, type EffectsData, type EffectsTruth, groupRatings, tagColumns } from "../../tasks/effects/effects-data.js";
import { findTable, locateTable, readTable, rowPlace } from "../tables/dataset-table.js";
import { ID_BOUNDS, maxIdChecked, readIntTable, readMovieTable, recordedUsers } from "./read-bench-dataset.js";
import { readRatingPropensity } from "./read-rating-propensity.js";

/** Positive labels (tag ≥ 0) of obstag and rcttag, both files' rows in order. */
function positiveLabels(dir: string, users: number, tags: number, why: string): { user: Int32Array; tag: Int32Array } {
  const user: number[] = [];
  const tag: number[] = [];
  for (const name of ["train/obstag", "train/rcttag"]) {
    const { cols, loc } = readIntTable(dir, name, ["userid", "tagid"]);
    maxIdChecked(loc.file, "userid", cols[0]!, users, why);
    maxIdChecked(loc.file, "tagid", cols[1]!, tags, "the tags of movie.csv, or −1", true);
    for (let i = 0; i < cols[0]!.length; i++) {
      if (cols[1]![i]! < 0) continue;
      user.push(cols[0]![i]!);
      tag.push(cols[1]![i]!);
    }
  }
  return { user: Int32Array.from(user), tag: Int32Array.from(tag) };
}

/**
 * truth/movie's exact propensities, or undefined when there are none to read: no truth/movie, or
 * a blank p_rating_observed column (R_R's mechanism has no per-movie propensity: a user module).
 * A column blank on some rows only is an error of the file.
 */
function recordedPropensity(dir: string, movies: number): Float64Array | undefined {
  const loc = findTable(dir, "truth/movie");
  if (loc === undefined) return undefined;
  let blank = 0;
  let rows = 0;
  if (loc.format === "csv") {
    forEachCsvRow(readText(loc.file), loc.file, ["p_rating_observed"], (f) => {
      rows++;
      if (f[0]!.trim() === "") blank++;
    });
  } else {
    const v = readTable(loc, ["p_rating_observed"]).cols[0] as Float64Array;
    rows = v.length;
    for (const x of v) if (Number.isNaN(x)) blank++;
  }
  if (rows > 0 && blank === rows) return undefined;
  return readRatingPropensity(dir, movies);
}

export function loadEffectsData(dir: string): EffectsData {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new InputError(`effects: dataset folder not found (got '${dir}', expected a folder with train/)`);
  }
  if (!st.isDirectory()) throw new InputError(`effects: not a folder (got '${dir}', expected a folder with train/)`);
  const movies = readMovieTable(dir);
  const M = moviesOf(movies);
  for (let m = 0; m < M; m++) {
    for (let k = movies.start[m]!; k < movies.start[m + 1]!; k++) {
      if (movies.tag[k]! >= ID_BOUNDS.tags) throw new InputError(`${dir}/train/movie: movie ${m}: tag id ${movies.tag[k]} is out of range (expected 0..${ID_BOUNDS.tags - 1})`);
    }
  }
  const { tags, catalogTags } = catalogTagsOf(movies);
  const ratingLoc = locateTable(dir, "train/rating");
  const rating = readTable(ratingLoc, ["userid", "movieid", "rating"]);
  const [ru, rm, rr] = rating.cols as [Int32Array, Int32Array, Int32Array | Float64Array];
  const recorded = recordedUsers(dir);
  const why = recorded === undefined ? `ctar's limit of ${ID_BOUNDS.users} users` : `the ${recorded} users of config.json`;
  const seenUsers = maxIdChecked(ratingLoc.file, "userid", ru, recorded ?? ID_BOUNDS.users, why) + 1;
  maxIdChecked(ratingLoc.file, "movieid", rm, M, "the movies of movie.csv");
  for (let i = 0; i < rating.rows; i++) if (!Number.isFinite(rr[i]!)) throw new InputError(`${rowPlace(ratingLoc, i)}: rating ${rr[i]} is not a finite number`);
  const labels = positiveLabels(dir, recorded ?? ID_BOUNDS.users, tags, why);
  let users = recorded ?? seenUsers;
  for (let i = 0; i < labels.user.length; i++) if (labels.user[i]! + 1 > users) users = labels.user[i]! + 1;
  if (rating.rows === 0) throw new InputError(`${ratingLoc.file}: no observed ratings (the effects estimators learn from them)`);
  if (users * catalogTags.length > POPULATION_MAX) throw new InputError(`${dir}: ${users} users × ${catalogTags.length} tags = ${users * catalogTags.length} pairs, more than the ${POPULATION_MAX} the effects task holds`);
  const data: EffectsData = { users, tags, catalogTags, movies, ratings: groupRatings(users, ru, rm, rr), likedUser: labels.user, likedTag: labels.tag };
  const propensity = recordedPropensity(dir, M);
  return propensity === undefined ? data : { ...data, propensity };
}

/** The exact τ over the population from truth/user_tag (rows: the liked pairs), or undefined without it. */
export function loadEffectsTruth(dir: string, data: EffectsData): EffectsTruth | undefined {
  const loc = findTable(dir, "truth/user_tag");
  if (loc === undefined) return undefined;
  const width = data.catalogTags.length;
  const col = tagColumns(data.tags, data.catalogTags);
  const t = readTable(loc, ["userid", "tagid", "tau"]);
  const [user, tag, tau] = t.cols as [Int32Array, Int32Array, Float64Array];
  const out = new Float64Array(data.users * width);
  for (let i = 0; i < t.rows; i++) {
    const u = user[i]!;
    const g = tag[i]!;
    if (u < 0 || u >= data.users) throw new InputError(`${rowPlace(loc, i)}: userid ${u} is out of range (expected 0..${data.users - 1})`);
    if (g < 0) throw new InputError(`${rowPlace(loc, i)}: tagid ${g} is negative`);
    if (!Number.isFinite(tau[i]!)) throw new InputError(`${rowPlace(loc, i)}: tau ${tau[i]} is not a finite number`);
    // A liked tag on no movie is outside the population (its τ is 0: no movie can carry it).
    const c = g < data.tags ? col[g]! : -1;
    if (c >= 0) out[u * width + c] = tau[i]!;
  }
  return { tau: out };
}
