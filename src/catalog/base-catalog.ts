/**
 * The base catalog: real (or synthetic) movies with an average rating and a short list of tags
 * with counts, in the authors' base format (`movie_rating.csv`, `movie_tag_ct.csv`). Dense,
 * column-oriented: movie i's tags are tagIds[tagStart[i] .. tagStart[i+1]), sorted by count
 * descending as in the base files.
 */
export interface BaseCatalog {
  /** Where it came from, for messages and config.json ("builtin:seed=…" or a folder). */
  readonly source: string;
  /** Original movie ids, one per movie. */
  readonly movieId: Int32Array;
  /** Average rating per movie (the R̄_m of the paper's Eq. 4). */
  readonly avgRating: Float64Array;
  /** Offsets into tagId / tagCount, length movies + 1. */
  readonly tagStart: Int32Array;
  /** Original tag ids of each movie's tags, by count descending. */
  readonly tagId: Int32Array;
  /** tagCount of each (movie, tag). */
  readonly tagCount: Float64Array;
}

export function movieCount(c: BaseCatalog): number {
  return c.movieId.length;
}

/** Total tagCount per movie: the catalog's popularity measure (docs/model.md#m-movies). */
export function moviePopularity(c: BaseCatalog): Float64Array {
  const n = movieCount(c);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = c.tagStart[i]!; k < c.tagStart[i + 1]!; k++) s += c.tagCount[k]!;
    out[i] = s;
  }
  return out;
}
