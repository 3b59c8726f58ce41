import assert from "node:assert/strict";
import { test } from "node:test";
import { armContrast, countPropensity, inverse } from "../../../src/tasks/effects/arm-contrast.js";
import { EFFECT_ESTIMATORS, effectEstimator } from "../../../src/tasks/effects/estimators.js";
import { popularityEstimate } from "../../../src/tasks/effects/popularity.js";
import { TAG_REGRESSION_DEFAULTS, fitTagRegression, predictRating, tagRegressionEffects } from "../../../src/tasks/effects/tag-regression.js";
import { SeedTree } from "../../../src/rng/stream.js";
import { effectsData } from "./fixture.js";

const near = (a: ArrayLike<number>, b: number[]) => {
  assert.equal(a.length, b.length);
  for (let i = 0; i < b.length; i++) assert.ok(Math.abs(a[i]! - b[i]!) < 1e-12, `at ${i}: ${a[i]} ≠ ${b[i]}`);
};

// movie 0 carries tags 0 and 1, movie 1 tag 1, movie 2 tag 2.
const MOVIES = [[0, 1], [1], [2]];
// user 0 rated all three (5, 3, 1); user 1 rated movie 0 only (no tag has both arms).
const RATINGS: [number, number, number][] = [[0, 0, 5], [0, 1, 3], [0, 2, 1], [1, 0, 4]];

test("the naive contrast, worked by hand", () => {
  const d = effectsData(2, MOVIES, RATINGS);
  const defined = new Uint8Array(6);
  // tag 0: 5 − mean(3, 1) = 3; tag 1: mean(5, 3) − 1 = 3; tag 2: 1 − mean(5, 3) = −3
  near(armContrast(d, null, defined), [3, 3, -3, 0, 0, 0]);
  near(defined, [1, 1, 1, 0, 0, 0]);
});

test("the inverse-propensity contrast (Hájek), worked by hand", () => {
  // p = 1, ½, ¼ → w = 1, 2, 4
  const d = effectsData(2, MOVIES, RATINGS, [], [1, 0.5, 0.25]);
  // tag 0: 5 − (2·3 + 4·1)/6; tag 1: (5 + 2·3)/3 − 1; tag 2: 1 − (5 + 2·3)/3
  near(armContrast(d, inverse(d.propensity!)), [5 - 10 / 6, 11 / 3 - 1, 1 - 11 / 3, 0, 0, 0]);
  // ips-oracle is that estimator; it refuses a dataset without propensities
  near(effectEstimator("ips-oracle")!.estimate(d, {}, () => new SeedTree(0).stream("x")), [5 - 10 / 6, 11 / 3 - 1, 1 - 11 / 3, 0, 0, 0]);
  assert.throws(() => effectEstimator("ips-oracle")!.estimate(effectsData(2, MOVIES, RATINGS), {}, () => new SeedTree(0).stream("x")), /propensities/);
});

test("the count propensity is each movie's ratings over the users", () => {
  near(countPropensity(effectsData(2, MOVIES, RATINGS)), [1, 0.5, 0.5]);
});

test("popularity: label share × the mean naive contrast of the labelled pairs, worked by hand", () => {
  // user 1 now rated movies 1 (4) and 2 (2): naive(1, tag 1) = 4 − 2 = 2, tag 0 has no contrast.
  const ratings: [number, number, number][] = [[0, 0, 5], [0, 1, 3], [0, 2, 1], [1, 1, 4], [1, 2, 2]];
  // labels: user 0 tag 0 (twice), user 1 tags 0 and 1 → shares 1, ½, 0
  const d = effectsData(2, MOVIES, ratings, [[0, 0], [0, 0], [1, 0], [1, 1]]);
  // δ̂ = mean(naive(0, 0) = 3, naive(1, 1) = 2) = 2.5 (naive(1, 0) has no contrast)
  near(popularityEstimate(d), [2.5, 1.25, 0, 2.5, 1.25, 0]);
});

test("mf-tags: τ̂ = c_t + p_u·q_t is the mean over movies of the two arms the fitted model predicts", () => {
  const movies = [[0, 1], [1, 2], [2], [0, 3], [3, 1]];
  const ratings: [number, number, number][] = [];
  for (let u = 0; u < 4; u++) for (let m = 0; m < 5; m++) if ((u + m) % 3 !== 0) ratings.push([u, m, 1 + ((u * 7 + m * 3) % 5)]);
  const d = effectsData(4, movies, ratings);
  const tree = new SeedTree(3);
  // initSd large enough that the factors matter in the comparison
  const fit = fitTagRegression(d, { ...TAG_REGRESSION_DEFAULTS, initSd: 0.3, epochs: 5 }, (p) => tree.stream(p));
  const est = tagRegressionEffects(fit, 4, 4);
  for (let u = 0; u < 4; u++) {
    for (let t = 0; t < 4; t++) {
      let s = 0;
      movies.forEach((tags, m) => {
        const without = tags.filter((x) => x !== t);
        s += predictRating(fit, u, m, [...without, t]) - predictRating(fit, u, m, without);
      });
      assert.ok(Math.abs(est[u * 4 + t]! - s / movies.length) < 1e-12, `(${u}, ${t})`);
    }
  }
  assert.throws(() => fitTagRegression(d, { ...TAG_REGRESSION_DEFAULTS, regTag: 100 }, (p) => tree.stream(p)), /lr · regTag < 1/);
});

test("every estimator fills the population, and the randomized one is reproducible from its streams", () => {
  const d = effectsData(2, MOVIES, RATINGS, [[0, 1]], [1, 0.5, 0.25]);
  for (const e of EFFECT_ESTIMATORS) {
    const run = () => e.estimate(d, e.defaults, (p) => new SeedTree(7).stream(e.name, p));
    const a = run();
    assert.equal(a.length, 6, e.name);
    assert.ok(a.every(Number.isFinite), e.name);
    assert.deepEqual(run(), a, e.name);
  }
});
