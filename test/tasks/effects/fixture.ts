/** Small hand-made EffectsData for the exact-case tests. */
import type { EffectsData } from "../../../src/tasks/effects/effects-data.js";

/** Movies as tag lists; ratings as [user, movie, rating]; labels as [user, tag]. */
export function effectsData(users: number, movieTags: number[][], ratings: [number, number, number][], labels: [number, number][] = [], propensity?: number[]): EffectsData {
  const start = new Int32Array(movieTags.length + 1);
  movieTags.forEach((l, m) => (start[m + 1] = start[m]! + l.length));
  const tag = Int32Array.from(movieTags.flat());
  const present = [...new Set(movieTags.flat())].sort((a, b) => a - b);
  const sorted = [...ratings].sort((a, b) => a[0] - b[0]);
  const rs = new Int32Array(users + 1);
  for (const [u] of sorted) rs[u + 1]!++;
  for (let u = 0; u < users; u++) rs[u + 1]! += rs[u]!;
  const base = {
    users,
    tags: Math.max(...present) + 1,
    catalogTags: Int32Array.from(present),
    movies: { start, tag },
    ratings: { start: rs, movie: Int32Array.from(sorted.map((r) => r[1])), rating: Float64Array.from(sorted.map((r) => r[2])) },
    likedUser: Int32Array.from(labels.map((l) => l[0])),
    likedTag: Int32Array.from(labels.map((l) => l[1])),
  };
  return propensity === undefined ? base : { ...base, propensity: Float64Array.from(propensity) };
}
