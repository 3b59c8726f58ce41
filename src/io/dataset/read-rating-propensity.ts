/**
 * truth/movie's exact rating propensities of a written dataset (the logged-feedback export reads
 * them; `ctar ope` takes the propensities from the regenerated run, src/io/recorded/dataset-policy-run.ts).
 */
import { InputError } from "../../errors/errors.js";
import { locateTable, readTable, rowPlace } from "../tables/dataset-table.js";

/** truth/movie's p_rating_observed (CSV or Parquet): P(R_R = 1) of each movie, exact. */
export function readRatingPropensity(dir: string, movies: number): Float64Array {
  const loc = locateTable(dir, "truth/movie");
  const file = loc.file;
  const p = new Float64Array(movies).fill(NaN);
  const t = readTable(loc, ["movieid", "p_rating_observed"]);
  const ids = t.cols[0] as Int32Array;
  const v = t.cols[1] as Float64Array;
  for (let i = 0; i < t.rows; i++) {
    const m = ids[i]!;
    if (m < 0 || m >= movies) throw new InputError(`${rowPlace(loc, i)}: movieid ${m} out of range (expected 0..${movies - 1})`);
    if (!(v[i]! > 0 && v[i]! <= 1)) throw new InputError(`${rowPlace(loc, i)}: p_rating_observed ${v[i]} is not a probability in (0, 1]`);
    p[m] = v[i]!;
  }
  const missing = p.findIndex((x) => Number.isNaN(x));
  if (missing >= 0) throw new InputError(`${file}: no row for movie ${missing} (expected movies 0..${movies - 1})`);
  return p;
}
