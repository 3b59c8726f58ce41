/**
 * Reads a catalog in the authors' base format: `movie_rating.csv` (movieid, rating) and
 * `movie_tag_ct.csv` (movieid, tagid, tagCount), checking each row (errors name file:line).
 * Every movie with tags must have a rating; the columns are built by
 * src/catalog/build-base-catalog.ts.
 */
import { join } from "node:path";
import { InputError } from "../../errors/errors.js";
import type { BaseCatalog } from "../../catalog/base-catalog.js";
import { buildBaseCatalog } from "../../catalog/build-base-catalog.js";
import { forEachCsvRow, parseIntField, parseNumberField, readText } from "../tables/csv.js";

export function loadBaseCatalog(dir: string): BaseCatalog {
  const ratingFile = join(dir, "movie_rating.csv");
  const tagFile = join(dir, "movie_tag_ct.csv");
  const rating = new Map<number, number>();
  const ratingLine = new Map<number, number>();
  const rText = readText(ratingFile);
  forEachCsvRow(rText, ratingFile, ["movieid", "rating"], (f, line) => {
    const id = parseIntField(f[0]!, ratingFile, line, "movieid");
    const r = parseNumberField(f[1]!, ratingFile, line, "rating");
    // an average of MovieLens ratings: Q (Eq. 4) is built on it, on the dataset's 1..5 scale
    if (r < 1 || r > 5) throw new InputError(`${ratingFile}:${line}: column 'rating' must be an average rating between 1 and 5 (got ${r})`);
    if (rating.has(id)) throw new InputError(`${ratingFile}:${line}: movie ${id} listed twice (first on line ${ratingLine.get(id)})`);
    rating.set(id, r);
    ratingLine.set(id, line);
  });
  const tags = new Map<number, Array<[number, number]>>();
  const firstLine = new Map<number, number>();
  const tText = readText(tagFile);
  forEachCsvRow(tText, tagFile, ["movieid", "tagid", "tagCount"], (f, line) => {
    const id = parseIntField(f[0]!, tagFile, line, "movieid");
    const t = parseIntField(f[1]!, tagFile, line, "tagid");
    const c = parseNumberField(f[2]!, tagFile, line, "tagCount");
    if (t < 0) throw new InputError(`${tagFile}:${line}: column 'tagid' must be ≥ 0 (got ${t})`);
    if (c < 0) throw new InputError(`${tagFile}:${line}: column 'tagCount' must be ≥ 0 (got ${c})`);
    if (!rating.has(id)) throw new InputError(`${tagFile}:${line}: movie ${id} has tags but no rating in ${ratingFile}`);
    let list = tags.get(id);
    if (list === undefined) {
      list = [];
      tags.set(id, list);
      firstLine.set(id, line);
    }
    if (list.some(([x]) => x === t)) throw new InputError(`${tagFile}:${line}: tag ${t} listed twice for movie ${id}`);
    list.push([t, c]);
  });
  if (tags.size === 0) throw new InputError(`${tagFile}: no rows (expected movieid,tagid,tagCount rows)`);
  return buildBaseCatalog(dir, rating, tags);
}
