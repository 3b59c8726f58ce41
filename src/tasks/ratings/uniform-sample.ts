/**
 * The uniformly random (MCAR) sample of the ratings task: which users, which movies, and which
 * split each pair falls in, drawn from keyed streams ("task", "ratings", split seed, purpose) under
 * the dataset's own seed, so the same dataset and options always give the same sample. A share of
 * the users is drawn without replacement; each gets `moviesPerUser` distinct movies drawn
 * uniformly (Floyd's algorithm); the pairs are shuffled and cut by the split's shares.
 */
import { ConfigError } from "../../errors/errors.js";
import { SeedTree, type Stream } from "../../rng/stream.js";
import type { RatingsOptions } from "./ratings-data.js";

export interface UniformSample {
  /** The sampled users, ascending; pair j of user i is at i · k + j. */
  readonly users: Int32Array;
  /** users.length × k movies. */
  readonly movies: Int32Array;
  /** Split of each pair: 0 uniform-train, 1 validation, 2 test. */
  readonly part: Uint8Array;
}

/** k distinct integers of 0..n−1, uniformly (Floyd), into out[0..k). */
function distinct(rng: Stream, n: number, k: number, out: Int32Array, at: number): void {
  let c = 0;
  for (let j = n - k; j < n; j++) {
    const t = rng.int(j + 1);
    let seen = false;
    for (let i = 0; i < c; i++) if (out[at + i] === t) seen = true;
    out[at + c++] = seen ? j : t;
  }
}

export function drawUniformSample(datasetSeed: number, users: number, movies: number, o: RatingsOptions): UniformSample {
  const k = o.moviesPerUser;
  if (k > movies) throw new ConfigError(`--uniform-movies: ${k} movies per user, but the world has ${movies} movies`);
  const tree = new SeedTree(datasetSeed);
  const key = (purpose: string, ...rest: number[]) => tree.stream("task", "ratings", o.splitSeed, purpose, ...rest);
  const nu = Math.max(1, Math.round(users * o.userShare));
  const perm = Int32Array.from({ length: users }, (_, i) => i);
  const ur = key("users");
  for (let i = 0; i < nu; i++) {
    const j = i + ur.int(users - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const chosen = perm.slice(0, nu).sort();
  const movie = new Int32Array(nu * k);
  for (let i = 0; i < nu; i++) distinct(key("movies", chosen[i]!), movies, k, movie, i * k);
  const n = nu * k;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sr = key("split");
  for (let i = n - 1; i > 0; i--) {
    const j = sr.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const total = o.split[0] + o.split[1] + o.split[2];
  const nTrain = Math.round((n * o.split[0]) / total);
  const nVal = Math.round((n * o.split[1]) / total);
  const sizes = [nTrain, nVal, n - nTrain - nVal];
  const names = ["uniform-train", "validation", "test"];
  const empty = sizes.findIndex((s) => s === 0);
  if (empty >= 0) throw new ConfigError(`--split: ${o.split.join(",")} of ${n} uniform pairs (${nu} users × ${k} movies) leaves the ${names[empty]} split empty (give it a larger share, or more --uniform-users / --uniform-movies)`);
  const part = new Uint8Array(n);
  for (let r = 0; r < n; r++) part[order[r]!] = r < nTrain ? 0 : r < nTrain + nVal ? 1 : 2;
  return { users: chosen, movies: movie, part };
}
