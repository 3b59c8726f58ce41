import assert from "node:assert/strict";
import { test } from "node:test";
import type { BaseCatalog } from "../../src/catalog/base-catalog.js";
import { type CatalogStats, catalogStats } from "../../src/catalog/catalog-stats.js";
import { SYNTHETIC_DEFAULTS, syntheticCatalog } from "../../src/catalog/synthetic.js";
import { ConfigError } from "../../src/errors/errors.js";
import { assertGolden } from "../helpers/golden.js";

/** FNV-1a (32 bit) of an array's bytes, to pin whole arrays in a few characters. */
function fnv1a(a: Int32Array | Float64Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The figures of docs/catalog.md#figures-of-a-catalog (measured on the authors' base data) and how close a synthetic
 * catalog must come. These are calibration targets, not estimates of a known parameter, so the
 * tolerance says how much model misfit we accept, except for the average-rating figures, which
 * are means of random draws: there the tolerance is the rounding of the target (0.005) plus
 * 3 standard errors, σ/√n for a mean and σ/√(2n) for a standard deviation (normal approximation).
 */
function assertCalibrated(s: CatalogStats): void {
  const near = (what: keyof CatalogStats, want: number, tol: number) => {
    const got = s[what];
    assert.ok(Math.abs(got - want) <= tol, `${what}: got ${got}, expected ${want} ± ${tol}`);
  };
  const se = (sd: number, n: number) => sd / Math.sqrt(n);
  // Inputs of the generator, met exactly: the catalog has `movies` movies and uses all `tags`.
  assert.equal(s.movies, 9715);
  assert.equal(s.distinctTags, 10273);
  // Average ratings: 0.005 + 3·σ/√n with n = 9,715 (all) or 1,000 (top), σ the target sd.
  near("ratingMean", 3.79, 0.005 + 3 * se(0.72, 9715)); // ± 0.027
  near("ratingSd", 0.72, 0.005 + 3 * se(0.72, 2 * 9715)); // ± 0.020
  near("topRatingMean", 3.86, 0.005 + 3 * se(0.31, 1000)); // ± 0.034
  near("topRatingSd", 0.31, 0.005 + 3 * se(0.31, 2 * 1000)); // ± 0.026
  // Counts: ±5% (calibration). The distinct tags of the top 1,000 movies follow the Heaps' law
  // schedule, so they only move with the total number of tag slots.
  near("topDistinctTags", 1720, 0.05 * 1720);
  // Tags per movie and the share with 8: ±2% of the figure (calibration: the tail shape is a
  // fitted curve; the fit is within 0.5%, seed to seed they move by about 0.1%).
  near("tagsPerMovie", 7.26, 0.02 * 7.26);
  near("shareWith8Tags", 0.8, 0.02 * 0.8);
  // Log-log slopes: ±0.05 (calibration; seed to seed they move by about ±0.01).
  near("tagPopularitySlope", -1.17, 0.05);
  near("topTagPopularitySlope", -1.18, 0.05); // measured on the base data (docs/catalog.md#figures-of-a-catalog)
  near("topMoviePopularitySlope", -0.52, 0.05);
  near("moviePopularitySlope", -1.53, 0.05);
}

/** The catalog invariants the loader guarantees for the base files. */
function assertWellFormed(c: BaseCatalog, minCount: number, maxTags: number): void {
  const n = c.movieId.length;
  assert.equal(c.tagStart[0], 0);
  assert.equal(c.tagStart[n], c.tagId.length);
  assert.equal(c.tagCount.length, c.tagId.length);
  for (let i = 0; i < n; i++) {
    assert.equal(c.movieId[i], i);
    const r = c.avgRating[i]!;
    assert.ok(r >= 0.5 && r <= 5, `rating ${r}`);
    const a = c.tagStart[i]!;
    const b = c.tagStart[i + 1]!;
    assert.ok(b - a >= 1 && b - a <= maxTags, `movie ${i} has ${b - a} tags`);
    const seen = new Set<number>();
    for (let k = a; k < b; k++) {
      const t = c.tagId[k]!;
      assert.ok(!seen.has(t), `movie ${i}: tag ${t} twice`);
      seen.add(t);
      assert.ok(Number.isInteger(c.tagCount[k]) && c.tagCount[k]! >= minCount);
      if (k > a) {
        const before = c.tagCount[k - 1]!;
        assert.ok(before > c.tagCount[k]! || (before === c.tagCount[k] && c.tagId[k - 1]! < t), `movie ${i}: order`);
      }
    }
  }
}

test("syntheticCatalog: the default catalog meets the catalog calibration targets", () => {
  const c = syntheticCatalog();
  assert.equal(c.source, "builtin:seed=2202");
  assertWellFormed(c, SYNTHETIC_DEFAULTS.minTagCount, 8);
  assertCalibrated(catalogStats(c));
});

test("syntheticCatalog: deterministic, and pinned", () => {
  const a = syntheticCatalog();
  const b = syntheticCatalog({ seed: 2202 });
  assert.deepEqual(a, b);
  // Pinned outputs of seed 2202 (test/golden/synthetic-catalog.json): any change to the model, its
  // defaults or the random streams changes them; update deliberately with CTAR_UPDATE_GOLDEN=1.
  assertGolden("synthetic-catalog", {
    tagSlots: a.tagId.length,
    firstTagIds: Array.from(a.tagId.subarray(0, 6)),
    firstTagCounts: Array.from(a.tagCount.subarray(0, 6)),
    firstAvgRating: a.avgRating[0],
    fnv1a: Object.fromEntries(Object.entries({ movieId: a.movieId, avgRating: a.avgRating, tagStart: a.tagStart, tagId: a.tagId, tagCount: a.tagCount }).map(([k, v]) => [k, fnv1a(v)])),
  });
});

test("syntheticCatalog: another seed gives another, equally calibrated catalog", () => {
  const a = syntheticCatalog();
  const c = syntheticCatalog({ seed: 7 });
  assert.equal(c.source, "builtin:seed=7");
  assert.notDeepEqual(Array.from(c.tagId.subarray(0, 50)), Array.from(a.tagId.subarray(0, 50)));
  assert.notDeepEqual(Array.from(c.avgRating.subarray(0, 50)), Array.from(a.avgRating.subarray(0, 50)));
  assertWellFormed(c, SYNTHETIC_DEFAULTS.minTagCount, 8);
  assertCalibrated(catalogStats(c));
});

test("syntheticCatalog: other sizes", () => {
  const c = syntheticCatalog({ seed: 0, movies: 500, tags: 800 });
  assert.equal(c.source, "builtin:seed=0,movies=500,tags=800");
  assertWellFormed(c, SYNTHETIC_DEFAULTS.minTagCount, 8);
  const s = catalogStats(c);
  assert.equal(s.movies, 500);
  assert.equal(s.distinctTags, 800);
  // More tags than tag slots: every slot gets its own tag.
  const few = syntheticCatalog({ movies: 3, tags: 100 });
  assert.equal(catalogStats(few).distinctTags, few.tagId.length);
});

test("syntheticCatalog: invalid options are ConfigErrors naming the option", () => {
  assert.throws(() => syntheticCatalog({ movies: 0 }), (e: unknown) => e instanceof ConfigError && /'movies'/.test(e.message));
  assert.throws(() => syntheticCatalog({ tags: 7 }), (e: unknown) => e instanceof ConfigError && /'tags'.*got 7/.test(e.message));
  assert.throws(() => syntheticCatalog({ seed: -1 }), (e: unknown) => e instanceof ConfigError && /'seed'/.test(e.message));
  assert.throws(() => syntheticCatalog({ heapsExponent: 1.5 }), ConfigError);
  assert.throws(() => syntheticCatalog({ popularityShape: Number.NaN }), ConfigError);
});

test("syntheticCatalog: the draw of reused tags ends even when the reuse weights underflow", () => {
  // With offset 0 and γ = 60 every weight after the first is below 2^-52 of the cumulative sum,
  // so the weighted draw always returns the first tag and the fallback of assignTags must pick
  // the others; the catalog is still well formed (distinct tags within each movie).
  const c = syntheticCatalog({ seed: 3, movies: 300, tags: 500, tagReuseExponent: 60, tagReuseOffset: 0 });
  assertWellFormed(c, SYNTHETIC_DEFAULTS.minTagCount, 8);
  assert.ok(c.tagId.length > 300, "some movie has a reused tag after its first");
});
