/**
 * The ratings task's data from a dataset's world (the engine of the run that wrote it): one pass
 * over the users regenerates each user's potential outcomes R_{u,·} exactly (keyed streams), and
 * from them takes the uniform sample's ratings, checks every observed rating against the
 * regenerated one, keeps the exact P(R_R = 1) of each observed pair (the oracle propensities) and
 * each user's liked tags TU (for the population risk). Memory: one user's rows at a time, the
 * observed ratings, the sample and the users' liked-tag lists.
 */
import { nodeByName } from "../../graph/mgraph.js";
import { GraphError, InputError } from "../../errors/errors.js";
import type { Emit } from "../../mechanisms/mechanism.js";
import type { MovieTags } from "../../catalog/movie-tags.js";
import { PotentialOutcomes, outcomeNodesOf } from "../../truth/potential-outcomes.js";
import { ratingModelOf } from "../../truth/user-tag-truth.js";
import type { WorldRun } from "../world-run.js";
import { type PopulationTruth, momentTables } from "./population-risk.js";
import { type RatingsData, type RatingsOptions, ratingSet } from "./ratings-data.js";
import { drawUniformSample } from "./uniform-sample.js";

const ignoreRows: Emit = () => {};

interface PopulationPlan {
  readonly tu: string;
  readonly tm: MovieTags;
  readonly moments: { mean: Float64Array; second: Float64Array };
  readonly width: number;
}

/** Where TU, TM, Q and the rating law are, or why the closed form does not apply. */
function populationPlan(world: WorldRun, ratingNode: string | undefined): PopulationPlan | { reason: string } {
  const { graph } = world.engine.input;
  const found = ratingModelOf(graph, ratingNode);
  if ("reason" in found) return found;
  const q = world.engine.movieValues.get(found.q);
  if (!(q instanceof Float64Array) || q.length !== world.config.movies) return { reason: `node '${found.q}' is not a numeric value per movie` };
  const tl = nodeByName(graph, found.tl)!;
  const tmName = tl.parents.find((p) => world.engine.movieValues.has(p));
  const tuName = tl.parents.find((p) => p !== tmName);
  const tm = tmName === undefined ? undefined : (world.engine.movieValues.get(tmName) as MovieTags | undefined);
  if (tm === undefined || tuName === undefined || !(tm.start instanceof Int32Array)) return { reason: `node '${found.tl}' does not read the movies' tags and a user's tags` };
  let width = 1;
  for (let m = 0; m < world.config.movies; m++) width = Math.max(width, tm.start[m + 1]! - tm.start[m]! + 1);
  return { tu: tuName, tm, moments: momentTables(found.model, q, width), width };
}

/** Grows an Int32Array list. */
class IntList {
  data = new Int32Array(1024);
  n = 0;
  push(x: number): void {
    if (this.n === this.data.length) {
      const d = new Int32Array(this.n * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.n++] = x;
  }
}

export function buildRatingsData(world: WorldRun, o: RatingsOptions, options: Readonly<Record<string, string>>): RatingsData {
  const { users, movies } = world.config;
  const { engine, observed } = world;
  if (observed.movie.length === 0) throw new InputError(`${world.ratingFile}: no observed ratings (the ratings task trains on them; this world observes none)`);
  const nodes = outcomeNodesOf(engine.input.graph, engine.input.registry);
  const outcomes = new PotentialOutcomes(movies, nodes);
  const sample = drawUniformSample(world.config.seed, users, movies, o);
  const k = o.moviesPerUser;
  const sampledRating = new Float64Array(sample.movies.length);
  const plan = populationPlan(world, nodes.rating);
  const tuStart = new Int32Array(users + 1);
  const tuTag = new IntList();
  let oracle: Float64Array | undefined = new Float64Array(observed.movie.length);
  let next = 0;
  for (let u = 0; u < users; u++) {
    const values = engine.runUser(u, ignoreRows);
    const row = outcomes.read(values, engine.kernels);
    if (row === undefined) throw new GraphError(`${world.ratingFile}: node '${nodes.rating}' is not a rating per movie (the ratings task needs the potential outcomes R over the ${movies} movies)`);
    for (let i = observed.start[u]!; i < observed.start[u + 1]!; i++) {
      const m = observed.movie[i]!;
      if (row.rating[m] !== observed.rating[i]) throw new InputError(`${world.ratingFile}: user ${u}, movie ${m} has observed rating ${observed.rating[i]} but the configuration regenerates ${row.rating[m]} (the dataset does not match its config.json)`);
      const p = row.pRating?.[m];
      if (oracle !== undefined && p !== undefined && p > 0) oracle[i] = p;
      else oracle = undefined;
    }
    if (next < sample.users.length && sample.users[next] === u) {
      for (let j = 0; j < k; j++) sampledRating[next * k + j] = row.rating[sample.movies[next * k + j]!]!;
      next++;
    }
    if (!("reason" in plan)) {
      const tu = values.get(plan.tu);
      if (!(tu instanceof Int32Array)) throw new GraphError(`node '${plan.tu}': user ${u}'s value is not a list of tag ids`);
      const mine = Array.from(new Set(tu)).sort((a, b) => a - b);
      for (const t of mine) tuTag.push(t);
    }
    tuStart[u + 1] = tuTag.n;
  }
  const pick = (part: number) => {
    const idx: number[] = [];
    for (let i = 0; i < sample.part.length; i++) if (sample.part[i] === part) idx.push(i);
    return ratingSet(idx.length, idx.map((i) => sample.users[Math.floor(i / k)]!), idx.map((i) => sample.movies[i]!), idx.map((i) => sampledRating[i]!));
  };
  const mnarUser = new Int32Array(observed.movie.length);
  for (let u = 0; u < users; u++) mnarUser.fill(u, observed.start[u]!, observed.start[u + 1]!);
  const population: PopulationTruth | { reason: string } =
    "reason" in plan ? plan : { users, movies, width: plan.width, ...plan.moments, tmStart: plan.tm.start, tmTag: plan.tm.tag, tuStart, tuTag: tuTag.data.slice(0, tuTag.n) };
  return { users, movies, mnar: ratingSet(observed.movie.length, mnarUser, observed.movie, observed.rating), oracle, uniformTrain: pick(0), validation: pick(1), test: pick(2), population, options };
}
