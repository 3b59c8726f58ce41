/**
 * The ids an export writes must be ids of the dataset: a user below the config's user count, a
 * movie of movie.csv, a tag some movie lists. Another tool would load an out-of-range id as a
 * new user or item without complaint, so the export checks every id it copies and names the row.
 */
import { InputError } from "../../errors/errors.js";
import { type MovieTags, moviesOf } from "../../catalog/movie-tags.js";
import { type TableLocation, rowPlace } from "../tables/dataset-table.js";

export interface IdRanges {
  readonly users: number;
  readonly movies: number;
  /** One more than the largest tag id movie.csv lists. */
  readonly tags: number;
}

export function idRanges(users: number, movies: MovieTags): IdRanges {
  let maxTag = -1;
  for (let i = 0; i < movies.tag.length; i++) if (movies.tag[i]! > maxTag) maxTag = movies.tag[i]!;
  return { users, movies: moviesOf(movies), tags: maxTag + 1 };
}

const WHAT = { userid: "users", movieid: "movies", tagid: "tags" } as const;
const SOURCE = { userid: "the users config.json records", movieid: "the movies of movie.csv", tagid: "the tags movie.csv lists" } as const;

/** An InputError naming the row unless 0 ≤ v < the range of `column` (tagid −1, "no tag", when `noTag`). */
export function checkId(r: IdRanges, column: keyof typeof WHAT, v: number, loc: TableLocation, row: number, noTag = false): void {
  const n = r[WHAT[column]];
  if (v >= 0 && v < n) return;
  if (noTag && v === -1) return;
  throw new InputError(`${rowPlace(loc, row)}: ${column} ${v} out of range (expected 0..${n - 1}, ${SOURCE[column]}); nothing was exported`);
}
