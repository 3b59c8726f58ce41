/**
 * The effects task's data as tables (`ctar task effects`) and back (`ctar score TASKDIR --task
 * effects`): what an estimator may see, the oracle propensities, and the truth it is scored on.
 *
 *   sizes         users, tags, movies (ids are 0..n−1)
 *   catalog_tags  tagid: the population's tags
 *   movie_tags    movieid,tagid: TM, one row per (movie, tag), in each movie's list order
 *   train_rating  userid,movieid,rating: the observed ratings (by user)
 *   train_liked   userid,tagid: positive tag labels of obstag ∪ rcttag, as given
 *   oracle_propensity  movieid,p_rating_observed (oracle estimators only; when the dataset has it)
 *   truth         userid,tagid,tau: τ of every liked pair (every other pair: 0)
 */
import type { ReadTable, TaskTable } from "../task.js";
import { groupRatings, type EffectsData, type EffectsTaskData, type EffectsTruth } from "./effects-data.js";
import { needTable } from "../need-table.js";

export type { EffectsTaskData };

const int = (name: string) => ({ name, type: "int32" as const });
const dbl = (name: string) => ({ name, type: "double" as const });

export function effectsTables({ data, truth }: EffectsTaskData): TaskTable[] {
  const movies = data.movies.start.length - 1;
  const width = data.catalogTags.length;
  const out: TaskTable[] = [
    { name: "sizes", description: "users, tags and movies (ids are 0..n−1)", columns: [int("users"), int("tags"), int("movies")], blocks: () => [[Int32Array.of(data.users), Int32Array.of(data.tags), Int32Array.of(movies)]] },
    { name: "catalog_tags", description: "the tags on some movie: the population's tags", columns: [int("tagid")], blocks: () => [[data.catalogTags]] },
    {
      name: "movie_tags",
      description: "TM: the tags of each movie, one row per (movie, tag)",
      columns: [int("movieid"), int("tagid")],
      blocks: () => {
        const m = new Int32Array(data.movies.tag.length);
        for (let k = 0; k < movies; k++) m.fill(k, data.movies.start[k]!, data.movies.start[k + 1]!);
        return [[m, data.movies.tag]];
      },
    },
    {
      name: "train_rating",
      description: "the observed ratings R* (training data)",
      columns: [int("userid"), int("movieid"), dbl("rating")],
      blocks: () => {
        const u = new Int32Array(data.ratings.movie.length);
        for (let k = 0; k < data.users; k++) u.fill(k, data.ratings.start[k]!, data.ratings.start[k + 1]!);
        return [[u, data.ratings.movie, data.ratings.rating]];
      },
    },
    { name: "train_liked", description: "positive tag labels of obstag ∪ rcttag (training data)", columns: [int("userid"), int("tagid")], blocks: () => [[data.likedUser, data.likedTag]] },
  ];
  if (data.propensity !== undefined) {
    const p = data.propensity;
    out.push({ name: "oracle_propensity", description: "P(R_R = 1 | movie), exact: for oracle estimators only", columns: [int("movieid"), dbl("p_rating_observed")], blocks: () => [[Int32Array.from({ length: p.length }, (_, i) => i), p]] });
  }
  if (truth !== undefined) {
    out.push({
      name: "truth",
      description: "τ (Eq. 1) of every liked pair; every other pair has τ = 0",
      columns: [int("userid"), int("tagid"), dbl("tau")],
      blocks: () => {
        const u: number[] = [];
        const t: number[] = [];
        const v: number[] = [];
        for (let i = 0; i < truth.tau.length; i++) {
          if (truth.tau[i] === 0) continue;
          u.push(Math.floor(i / width));
          t.push(data.catalogTags[i % width]!);
          v.push(truth.tau[i]!);
        }
        return [[Int32Array.from(u), Int32Array.from(t), Float64Array.from(v)]];
      },
    });
  }
  return out;
}

export function effectsFromTables(read: (name: string) => ReadTable | undefined): EffectsTaskData {
  const need = (name: string) => needTable(read, "effects", name);
  const sizes = need("sizes");
  const [users, tags, movies] = ["users", "tags", "movies"].map((c) => sizes.column(c)[0]!) as [number, number, number];
  const mt = need("movie_tags");
  const mm = mt.column("movieid");
  const start = new Int32Array(movies + 1);
  for (let i = 0; i < mt.rows; i++) start[mm[i]! + 1]!++;
  for (let m = 0; m < movies; m++) start[m + 1]! += start[m]!;
  const r = need("train_rating");
  const liked = need("train_liked");
  const catalogTags = Int32Array.from(need("catalog_tags").column("tagid"));
  const base: EffectsData = {
    users,
    tags,
    catalogTags,
    movies: { start, tag: Int32Array.from(mt.column("tagid")) },
    ratings: groupRatings(users, r.column("userid"), r.column("movieid"), r.column("rating")),
    likedUser: Int32Array.from(liked.column("userid")),
    likedTag: Int32Array.from(liked.column("tagid")),
  };
  const p = read("oracle_propensity");
  const data = p === undefined ? base : { ...base, propensity: Float64Array.from(p.column("p_rating_observed")) };
  const t = read("truth");
  if (t === undefined) return { data };
  const col = new Int32Array(tags).fill(-1);
  catalogTags.forEach((g, c) => (col[g] = c));
  const tau = new Float64Array(users * catalogTags.length);
  const tu = t.column("userid");
  const tt = t.column("tagid");
  const tv = t.column("tau");
  for (let i = 0; i < t.rows; i++) tau[tu[i]! * catalogTags.length + col[tt[i]!]!] = tv[i]!;
  return { data, truth: { tau } };
}
