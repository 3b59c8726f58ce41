/**
 * Reads a catalog in the authors' base format: `movie_rating.csv` (movieid, rating) and
 * `movie_tag_ct.csv` (movieid, tagid, tagCount). Every movie with tags must have a rating; tag
 * lists are sorted by tagCount descending (ties by tag id) whatever the file order.
 */
import { join } from "node:path";
import { InputError } from "../errors/errors.js";
import { forEachCsvRow, parseIntField, parseNumberField, readText } from "../io/csv.js";
import type { BaseCatalog } from "./base-catalog.js";

export function loadBaseCatalog(dir: string): BaseCatalog {
  const ratingFile = join(dir, "movie_rating.csv");
  const tagFile = join(dir, "movie_tag_ct.csv");
  const rating = new Map<number, number>();
  const ratingLine = new Map<number, number>();
  const rText = readText(ratingFile);
  forEachCsvRow(rText, ratingFile, ["movieid", "rating"], (f, line) => {
    const id = parseIntField(f[0]!, ratingFile, line, "movieid");
    const r = parseNumberField(f[1]!, ratingFile, line, "rating");
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
  // Movies in ascending id order: the order does not matter for selection (ties broken by id).
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
    const list = tags.get(id)!.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    list.forEach(([t, c], k) => {
      tagId[tagStart[i]! + k] = t;
      tagCount[tagStart[i]! + k] = c;
    });
  });
  return { source: dir, movieId, avgRating, tagStart, tagId, tagCount };
}
