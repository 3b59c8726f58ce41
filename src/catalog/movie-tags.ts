/**
 * Each movie's tags as one compressed list: the tags of movie m are tag[start[m] .. start[m+1]).
 * The one shape for tag lists: TM's value in the engine (internal tag ids, with their original ids:
 * `TmValue` in mechanisms/values.ts) and movie.csv read back for the baselines (released ids).
 */
export interface MovieTags {
  readonly start: Int32Array;
  readonly tag: Int32Array;
}

/** The number of movies of the lists. */
export function moviesOf(tm: MovieTags): number {
  return tm.start.length - 1;
}
