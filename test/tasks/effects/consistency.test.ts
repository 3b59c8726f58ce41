/**
 * Where theory says inverse propensity weighting recovers the effect and the naive contrast does
 * not: ratings selected on the movie alone (MAR given the movie, as R_R), with the selection
 * favouring good movies among those that carry the tag only. Movies come in pairs with the same
 * quality, one with the tag and one without, so the catalog difference of the arms' mean ratings
 * is exactly τ; the Hájek IPS contrast is consistent for it, the naive one is pulled up by the
 * selection. Each user is one independent replicate; the tolerance is k·sd/√users (k = 4) with the
 * sd measured over the users; the naive bias is checked to exceed 10 such standard errors.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { armContrast, countPropensity, inverse } from "../../../src/tasks/effects/arm-contrast.js";
import type { EffectsData } from "../../../src/tasks/effects/effects-data.js";
import { SeedTree } from "../../../src/rng/stream.js";

const PAIRS = 1500;
const USERS = 200;
const TAU = 0.5;

function world(seed: number): EffectsData {
  const tree = new SeedTree(seed);
  const qs = tree.stream("quality");
  const M = 2 * PAIRS;
  const quality = new Float64Array(M);
  const p = new Float64Array(M);
  for (let j = 0; j < PAIRS; j++) {
    const q = qs.normal();
    quality[2 * j] = q; // without the tag
    quality[2 * j + 1] = q; // with the tag
    p[2 * j] = 0.3;
    p[2 * j + 1] = 0.05 + 0.5 / (1 + Math.exp(-2 * q));
  }
  const start = new Int32Array(M + 1);
  for (let m = 0; m < M; m++) start[m + 1] = start[m]! + (m % 2);
  const movieTag = new Int32Array(PAIRS); // tag 0 on every odd movie
  const rs = new Int32Array(USERS + 1);
  const movie: number[] = [];
  const rating: number[] = [];
  for (let u = 0; u < USERS; u++) {
    const s = tree.stream("user", u);
    for (let m = 0; m < M; m++) {
      const observed = s.uniform() < p[m]!;
      const noise = s.normal();
      if (!observed) continue;
      movie.push(m);
      rating.push(quality[m]! + TAU * (m % 2) + noise);
    }
    rs[u + 1] = movie.length;
  }
  return {
    users: USERS,
    tags: 1,
    catalogTags: Int32Array.from([0]),
    movies: { start, tag: movieTag },
    ratings: { start: rs, movie: Int32Array.from(movie), rating: Float64Array.from(rating) },
    likedUser: new Int32Array(0),
    likedTag: new Int32Array(0),
    propensity: p,
  };
}

function meanAndSe(x: Float64Array): { mean: number; se: number } {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return { mean, se: Math.sqrt(ss / (x.length - 1) / x.length) };
}

test("IPS (oracle and count propensities) is consistent for τ under selection on the movie; the naive contrast is not", () => {
  const d = world(11);
  const oracle = meanAndSe(armContrast(d, inverse(d.propensity!)));
  const counted = meanAndSe(armContrast(d, inverse(countPropensity(d))));
  const naive = meanAndSe(armContrast(d, null));
  assert.ok(Math.abs(oracle.mean - TAU) <= 4 * oracle.se, `oracle IPS ${oracle.mean} vs τ ${TAU} (se ${oracle.se})`);
  assert.ok(Math.abs(counted.mean - TAU) <= 4 * counted.se, `count IPS ${counted.mean} vs τ ${TAU} (se ${counted.se})`);
  assert.ok(naive.mean - TAU > 10 * naive.se, `naive ${naive.mean} should be biased up (se ${naive.se})`);
});
