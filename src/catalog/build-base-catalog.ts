/**
 * The base catalog's columns from its parsed rows (src/io/inputs/read-base-catalog.ts reads and checks
 * them): movies in ascending id order, each movie's tags sorted by tagCount descending (ties by
 * tag id) whatever the file order, as the authors' base files list them.
 */
import type { BaseCatalog } from "./base-catalog.js";

/**
 * `rating`: movie id → average rating; `tags`: movie id → its (tag id, tagCount) pairs (every
 * movie in `tags` has a rating). The order of the movies does not matter for selection (ties are
 * broken by id), so ascending id is used.
 */
export function buildBaseCatalog(source: string, rating: ReadonlyMap<number, number>, tags: ReadonlyMap<number, ReadonlyArray<readonly [number, number]>>): BaseCatalog {
  const ids = [...tags.keys()].sort((a, b) => a - b);
  const movieId = Int32Array.from(ids);
  const avgRating = Float64Array.from(ids, (id) => rating.get(id)!);
  const tagStart = new Int32Array(ids.length + 1);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    tagStart[i] = total;
    total += tags.get(ids[i]!)!.length;
  }
  tagStart[ids.length] = total;
  const tagId = new Int32Array(total);
  const tagCount = new Float64Array(total);
  ids.forEach((id, i) => {
    const list = [...tags.get(id)!].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    list.forEach(([t, c], k) => {
      tagId[tagStart[i]! + k] = t;
      tagCount[tagStart[i]! + k] = c;
    });
  });
  return { source, movieId, avgRating, tagStart, tagId, tagCount };
}
