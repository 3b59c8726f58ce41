/**
 * The ratings task's data as tables (`ctar task ratings`: what a Python user loads) and back
 * (`ctar score TASKDIR --task ratings`). Numbers are written in their shortest round-trip form,
 * so the figures scored from the folder equal those scored from the dataset.
 *   sizes                  users, movies
 *   train                  userid, movieid, rating[, propensity]   the MNAR ratings (propensity:
 *                          the exact P(R_R = 1), the oracle a real dataset lacks)
 *   uniform_train, validation, test   userid, movieid, rating      the MCAR sample's splits
 *   population_moments     movieid, liked, mean, second            E[R], E[R²] given |TL| = liked
 *   movie_tags, user_liked_tags  movieid|userid, tagid             TM and TU: |TL| = |TM ∩ TU|
 */
import { InputError } from "../../errors/errors.js";
import type { LabelSet } from "../../labels/label-set.js";
import type { ReadTable, TaskTable } from "../task.js";
import type { PopulationTruth } from "./population-risk.js";
import type { RatingsData } from "./ratings-data.js";
import { needTable } from "../need-table.js";

const int = (name: string) => ({ name, type: "int32" as const });
const dbl = (name: string) => ({ name, type: "double" as const });

function ratingTable(name: string, description: string, s: LabelSet, p?: Float64Array): TaskTable {
  const cols = [int("userid"), int("movieid"), dbl("rating"), ...(p === undefined ? [] : [dbl("propensity")])];
  return { name, description, columns: cols, blocks: () => [[s.user, s.tag, s.label, ...(p === undefined ? [] : [p])]] };
}

/** Owner id of every entry of a CSR list. */
function owners(start: Int32Array): Int32Array {
  const out = new Int32Array(start[start.length - 1]!);
  for (let i = 0; i + 1 < start.length; i++) out.fill(i, start[i]!, start[i + 1]!);
  return out;
}

function populationTables(p: PopulationTruth): TaskTable[] {
  const n = p.movies * p.width;
  const movie = Int32Array.from({ length: n }, (_, i) => Math.floor(i / p.width));
  const liked = Int32Array.from({ length: n }, (_, i) => i % p.width);
  return [
    { name: "population_moments", description: "E[R] and E[R²] of each movie given |TL| = liked (closed form)", columns: [int("movieid"), int("liked"), dbl("mean"), dbl("second")], blocks: () => [[movie, liked, p.mean, p.second]] },
    { name: "movie_tags", description: "TM: the tags of each movie", columns: [int("movieid"), int("tagid")], blocks: () => [[owners(p.tmStart), p.tmTag]] },
    { name: "user_liked_tags", description: "TU: the tags each user likes (|TL_{u,m}| = |TM_m ∩ TU_u|)", columns: [int("userid"), int("tagid")], blocks: () => [[owners(p.tuStart), p.tuTag]] },
  ];
}

export function ratingsTables(d: RatingsData): TaskTable[] {
  return [
    { name: "sizes", description: "users and movies (ids 0..users−1, 0..movies−1)", columns: [int("users"), int("movies")], blocks: () => [[Int32Array.of(d.users), Int32Array.of(d.movies)]] },
    ratingTable("train", "the observed (MNAR) ratings; propensity: exact P(R_R = 1)", d.mnar, d.oracle),
    ratingTable("uniform_train", "uniformly random (MCAR) ratings: the training slice", d.uniformTrain),
    ratingTable("validation", "uniformly random (MCAR) ratings: validation", d.validation),
    ratingTable("test", "uniformly random (MCAR) ratings: test", d.test),
    ...("reason" in d.population ? [] : populationTables(d.population)),
  ];
}

function ratings(t: ReadTable): LabelSet {
  return { n: t.rows, user: Int32Array.from(t.column("userid")), tag: Int32Array.from(t.column("movieid")), label: Float64Array.from(t.column("rating")) };
}

/** CSR from (owner, value) rows grouped by owner in ascending order. */
function csr(t: ReadTable, ownerCol: string, count: number): { start: Int32Array; value: Int32Array } {
  const owner = t.column(ownerCol);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < t.rows; i++) {
    const o = owner[i]!;
    if (o < 0 || o >= count || (i > 0 && o < owner[i - 1]!)) throw new InputError(`${t.place(i)}: ${ownerCol} ${o} out of order or range (expected ascending ids 0..${count - 1})`);
    start[o + 1]!++;
  }
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  return { start, value: Int32Array.from(t.column("tagid")) };
}

function populationFrom(read: (name: string) => ReadTable | undefined, users: number, movies: number): PopulationTruth | { reason: string } {
  const mt = read("population_moments");
  const tm = read("movie_tags");
  const tu = read("user_liked_tags");
  if (mt === undefined || tm === undefined || tu === undefined) return { reason: "the task folder has no population tables (its world has no closed-form rating law)" };
  const width = mt.rows / movies;
  const m = mt.column("movieid");
  const k = mt.column("liked");
  if (!Number.isInteger(width) || width < 1) throw new InputError(`${mt.file}: ${mt.rows} rows (expected movies × a whole number of |TL| values)`);
  for (let i = 0; i < mt.rows; i++) if (m[i] !== Math.floor(i / width) || k[i] !== i % width) throw new InputError(`${mt.place(i)}: expected movieid ${Math.floor(i / width)}, liked ${i % width} (rows by movie, then liked)`);
  const tmc = csr(tm, "movieid", movies);
  const tuc = csr(tu, "userid", users);
  return { users, movies, width, mean: Float64Array.from(mt.column("mean")), second: Float64Array.from(mt.column("second")), tmStart: tmc.start, tmTag: tmc.value, tuStart: tuc.start, tuTag: tuc.value };
}

export function ratingsFromTables(read: (name: string) => ReadTable | undefined): RatingsData {
  const need = (name: string) => needTable(read, "ratings", name);
  const sizes = need("sizes");
  const users = sizes.column("users")[0]!;
  const movies = sizes.column("movies")[0]!;
  const train = need("train");
  let oracle: Float64Array | undefined;
  try {
    oracle = Float64Array.from(train.column("propensity"));
  } catch {
    oracle = undefined;
  }
  return { users, movies, mnar: ratings(train), oracle, uniformTrain: ratings(need("uniform_train")), validation: ratings(need("validation")), test: ratings(need("test")), population: populationFrom(read, users, movies), options: {} };
}
