import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { BaseCatalog } from "../../src/catalog/base-catalog.js";
import { catalogStats, logLogSlope, meanSd, popularityOrder, tagPopularity } from "../../src/catalog/catalog-stats.js";
import { loadBaseCatalog } from "../../src/io/inputs/read-base-catalog.js";

/** Builds a catalog from per-movie [id, rating, [[tag, count], ...]] (lists already sorted). */
function catalog(movies: Array<[number, number, Array<[number, number]>]>): BaseCatalog {
  const tagStart = new Int32Array(movies.length + 1);
  const tagId: number[] = [];
  const tagCount: number[] = [];
  movies.forEach(([, , tags], i) => {
    tagStart[i] = tagId.length;
    for (const [t, c] of tags) {
      tagId.push(t);
      tagCount.push(c);
    }
  });
  tagStart[movies.length] = tagId.length;
  return {
    source: "test",
    movieId: Int32Array.from(movies, (m) => m[0]),
    avgRating: Float64Array.from(movies, (m) => m[1]),
    tagStart,
    tagId: Int32Array.from(tagId),
    tagCount: Float64Array.from(tagCount),
  };
}

// Four movies. Popularity (sum of counts): id 10 → 12, id 11 → 12, id 12 → 2, id 13 → 36, so the
// order is 13, 10, 11 (tie with 10, broken by id), 12.
const tiny = catalog([
  [10, 4, [[1, 8], [2, 4]]],
  [11, 3, [[2, 6], [3, 4], [4, 2]]],
  [12, 5, [[11, 2]]],
  [13, 2, [[1, 8], [2, 7], [5, 6], [6, 5], [7, 4], [8, 3], [9, 2], [10, 1]]],
]);

test("popularityOrder: count descending, ties by movie id", () => {
  assert.deepEqual(Array.from(popularityOrder(tiny), (i) => tiny.movieId[i]), [13, 10, 11, 12]);
});

test("tagPopularity: totals per tag, sorted descending", () => {
  // tag 2: 4 + 6 + 7 = 17; tag 1: 8 + 8 = 16; then 6, 5, 4 (tags 3 and 7), 3, 2 (tags 4, 9, 11), 1.
  assert.deepEqual(Array.from(tagPopularity(tiny)), [17, 16, 6, 5, 4, 4, 3, 2, 2, 2, 1]);
});

test("logLogSlope: exact on a power law, skips non-positive values", () => {
  const v = Array.from({ length: 10 }, (_, i) => 100 * (i + 1) ** -1.5);
  assert.ok(Math.abs(logLogSlope(v) + 1.5) < 1e-12);
  // A zero at rank 3 is left out: the remaining points still lie on the power law.
  const withZero = [...v];
  withZero[2] = 0;
  assert.ok(Math.abs(logLogSlope(withZero) + 1.5) < 1e-12);
  assert.ok(Number.isNaN(logLogSlope([5])));
});

test("meanSd: sample standard deviation", () => {
  const { mean, sd } = meanSd(Float64Array.from([4, 3, 5, 2]));
  assert.equal(mean, 3.5);
  assert.ok(Math.abs(sd - Math.sqrt(5 / 3)) < 1e-15);
});

test("catalogStats on a hand-made catalog", () => {
  const s = catalogStats(tiny, 3);
  const close = (got: number, want: number, what: string) => assert.ok(Math.abs(got - want) < 1e-12, `${what}: ${got} ≠ ${want}`);
  assert.equal(s.movies, 4);
  assert.equal(s.top, 3);
  // Expected values computed by hand and checked with Python's `statistics` module and a plain
  // least-squares fit: ratings 4, 3, 5, 2 → mean 3.5, sd √(5/3) = 1.2909944; the top 3
  // (ids 13, 10, 11) have 2, 4, 3 → mean 3, sd 1.
  close(s.ratingMean, 3.5, "ratingMean");
  close(s.ratingSd, 1.2909944487358056, "ratingSd");
  close(s.topRatingMean, 3, "topRatingMean");
  close(s.topRatingSd, 1, "topRatingSd");
  assert.equal(s.distinctTags, 11);
  close(s.tagsPerMovie, 14 / 4, "tagsPerMovie");
  close(s.shareWith8Tags, 1 / 4, "shareWith8Tags");
  // Tag totals 17, 16, 6 at ranks 1..3: slope −0.8553107730670024 (Python).
  close(s.tagPopularitySlope, -0.8553107730670024, "tagPopularitySlope");
  // Over the top 3 movies the three largest tag totals are the same (17, 16, 6).
  close(s.topTagPopularitySlope, -0.8553107730670024, "topTagPopularitySlope");
  // Movie popularity 36, 12, 12 (ranks 1..3) and 36, 12, 12, 2 (all): Python −1.06299, −1.78305.
  close(s.topMoviePopularitySlope, -1.0629899530962326, "topMoviePopularitySlope");
  close(s.moviePopularitySlope, -1.7830454942020162, "moviePopularitySlope");
  // Tags of movies 13, 10, 11: 1, 2, 5..10, 3, 4 → 10 (tag 11 is only on the least popular movie).
  assert.equal(s.topDistinctTags, 10);
});

test("catalogStats: the 8-tag cap of the top lists", () => {
  // A movie with 9 tags: only its first 8 count among the top movies' tags.
  const c = catalog([[0, 3, Array.from({ length: 9 }, (_, k): [number, number] => [k, 9 - k])]]);
  const s = catalogStats(c);
  assert.equal(s.distinctTags, 9);
  assert.equal(s.topDistinctTags, 8);
  assert.equal(s.shareWith8Tags, 0);
});

test("catalogStats reproduces docs/catalog.md's figures on the authors' base data", (t) => {
  const dir = path.resolve(process.cwd(), "../shared/ctar-base");
  if (!existsSync(path.join(dir, "movie_tag_ct.csv"))) {
    t.skip(`base data absent (${dir})`);
    return;
  }
  const s = catalogStats(loadBaseCatalog(dir));
  // The reference figures are given to 2 decimals (counts exactly, the 8-tag share as a percentage).
  const r2 = (x: number) => Math.round(x * 100) / 100;
  assert.equal(s.movies, 9715);
  assert.equal(r2(s.ratingMean), 3.79);
  assert.equal(r2(s.ratingSd), 0.72);
  assert.equal(r2(s.topRatingMean), 3.86);
  assert.equal(r2(s.topRatingSd), 0.31);
  assert.equal(s.distinctTags, 10273);
  assert.equal(r2(s.tagsPerMovie), 7.26);
  assert.equal(Math.round(s.shareWith8Tags * 100), 80);
  assert.equal(r2(s.tagPopularitySlope), -1.17);
  assert.equal(r2(s.topMoviePopularitySlope), -0.52);
  assert.equal(r2(s.moviePopularitySlope), -1.53);
  assert.equal(s.topDistinctTags, 1720);
});
