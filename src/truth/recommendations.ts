/**
 * A recommendation policy's top-k lists, per user (CSR: the movies of user u are
 * movie[start[u] .. start[u+1]), best first), and the two example policies.
 */
import { sampleWithoutReplacement } from "../rng/sample.js";
import { SeedTree } from "../rng/stream.js";

export interface Recommendations {
  readonly users: number;
  readonly start: Int32Array;
  readonly movie: Int32Array;
}

/** Scored pairs, e.g. read from a policy file (no duplicate (user, movie) pairs). */
export interface ScoredPairs {
  readonly user: Int32Array;
  readonly movie: Int32Array;
  readonly score: Float64Array;
}

/** The k best-scored movies of each user (higher score first, ties by smaller movie id). */
export function topKByScore(users: number, pairs: ScoredPairs, k: number): Recommendations {
  const n = pairs.user.length;
  const count = new Int32Array(users + 1);
  for (let i = 0; i < n; i++) count[pairs.user[i]! + 1]!++;
  for (let u = 0; u < users; u++) count[u + 1]! += count[u]!;
  const fill = count.slice(0, users);
  const byUser = new Int32Array(n);
  for (let i = 0; i < n; i++) byUser[fill[pairs.user[i]!]!++] = i;
  const start = new Int32Array(users + 1);
  const out: number[] = [];
  for (let u = 0; u < users; u++) {
    const seg = Array.from(byUser.subarray(count[u]!, count[u + 1]!));
    seg.sort((a, b) => pairs.score[b]! - pairs.score[a]! || pairs.movie[a]! - pairs.movie[b]!);
    for (let j = 0; j < Math.min(k, seg.length); j++) out.push(pairs.movie[seg[j]!]!);
    start[u + 1] = out.length;
  }
  return { users, start, movie: Int32Array.from(out) };
}

/** The popularity policy: the k most popular movies (ids 0..k−1, ids being popularity ranks) for everyone. */
export function popularityPolicy(users: number, movies: number, k: number): Recommendations {
  const kk = Math.min(k, movies);
  const start = Int32Array.from({ length: users + 1 }, (_, u) => u * kk);
  const movie = Int32Array.from({ length: users * kk }, (_, i) => i % kk);
  return { users, start, movie };
}

/** The random policy: k distinct uniform movies per user, from the stream (seed, "policy", "random", u). */
export function randomPolicy(users: number, movies: number, k: number, seed: number): Recommendations {
  const kk = Math.min(k, movies);
  const seeds = new SeedTree(seed);
  const start = Int32Array.from({ length: users + 1 }, (_, u) => u * kk);
  const movie = new Int32Array(users * kk);
  for (let u = 0; u < users; u++) movie.set(sampleWithoutReplacement(seeds.stream("policy", "random", u), movies, kk), u * kk);
  return { users, start, movie };
}
