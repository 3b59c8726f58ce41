/**
 * evaluatePolicy: a hand-worked case (two users, three movies) for the true value and the naive,
 * IPS and SNIPS estimates; and, on a generated dataset, the streamed regeneration agrees with the
 * generation pass's own potential outcomes and observed ratings.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GraphError, InputError } from "../../src/errors/errors.js";
import { datasetEngine, observedRatingsOf } from "../../src/generate/dataset-engine.js";
import { generateDataset } from "../../src/generate/generate.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { type UserOutcomeSource, evaluatePolicy } from "../../src/truth/evaluate-policy.js";
import { observedByUser } from "../../src/truth/policy-value.js";
import { popularityPolicy, randomPolicy } from "../../src/truth/recommendations.js";

/** A made-up engine: fixed rows of R and, when given, P(R_R = 1) per pair. */
function fakeEngine(r: number[][], p?: number[][]): UserOutcomeSource {
  return {
    kernels: new Map(),
    runUser: (u) =>
      new Map<string, unknown>([
        ["R", Float64Array.from(r[u]!)],
        ...(p === undefined ? [] : [["R_R", { probability: Float64Array.from(p[u]!) }] as [string, unknown]]),
      ]),
  };
}

/** The fake engine's outcome nodes (it has no graph to find them in by role). */
const nodes = { rating: "R", overlap: undefined, ratingMissingness: "R_R", obsTagMissingness: undefined };

// u0 is recommended movies 0 and 1, u1 movie 2. Observed: (u0, 1) = 1, (u1, 2) = 5, (u1, 0) = 1 (not recommended).
const R = [
  [5, 1, 3],
  [1, 2, 5],
];
const P = [
  [0.5, 0.25, 1],
  [0.1, 0.2, 0.5],
];
const policy = { users: 2, start: Int32Array.from([0, 2, 3]), movie: Int32Array.from([0, 1, 2]) };
const observed = observedByUser(2, Int32Array.from([0, 1, 1]), Int32Array.from([1, 2, 0]), [1, 5, 1]);

test("evaluatePolicy on a hand-worked case", () => {
  const v = evaluatePolicy({ engine: fakeEngine(R, P), nodes, users: 2, movies: 3, policy, observed });
  // Weights w = 1/(|U_π|·|π(u)|): 1/4 for u0's two pairs, 1/2 for u1's one.
  assert.equal(v.users, 2);
  assert.equal(v.pairs, 3);
  assert.equal(v.observedPairs, 2);
  assert.equal(v.trueValue, 0.25 * (5 + 1) + 0.5 * 5); // 4
  assert.equal(v.naive, (0.25 * 1 + 0.5 * 5) / (0.25 + 0.5)); // 3.666…
  assert.equal(v.ips, (0.25 * 1) / 0.25 + (0.5 * 5) / 0.5); // 6
  assert.equal(v.snips, 6 / (0.25 / 0.25 + 0.5 / 0.5)); // 3
  assert.equal(v.exactPropensities, true);
});

test("evaluatePolicy without recorded propensities: IPS and SNIPS are NaN, the rest unchanged", () => {
  const v = evaluatePolicy({ engine: fakeEngine(R), nodes, users: 2, movies: 3, policy, observed });
  assert.equal(v.exactPropensities, false);
  assert.ok(Number.isNaN(v.ips) && Number.isNaN(v.snips));
  assert.equal(v.trueValue, 4);
  assert.equal(v.naive, (0.25 * 1 + 0.5 * 5) / 0.75);
});

test("evaluatePolicy refuses an observed rating that is not the regenerated one, and a graph without a rating row", () => {
  const wrong = observedByUser(2, Int32Array.from([0]), Int32Array.from([1]), [4]);
  assert.throws(() => evaluatePolicy({ engine: fakeEngine(R, P), nodes, users: 2, movies: 3, policy, observed: wrong, source: "d/train/rating.csv" }), (e: unknown) => e instanceof InputError && /d\/train\/rating\.csv: user 0, movie 1 has observed rating 4 but the configuration regenerates 1/.test(e.message));
  const noRating: UserOutcomeSource = { kernels: new Map(), runUser: () => new Map([["R", 3]]) };
  assert.throws(() => evaluatePolicy({ engine: noRating, nodes, users: 2, movies: 3, policy, observed }), GraphError);
});

test("evaluatePolicy on a generated dataset equals the figures from the generation pass itself", () => {
  const config = parseCtarConfig({ users: 120, movies: 80, rct: { users: 10 }, test2: { draws: 100, positives: 30 }, test3: { draws: 100, positives: 30 }, seed: 3, ratingMissingness: { rate: 0.1 } });
  const base = syntheticCatalog({ movies: 200, seed: 5 });
  // The generation pass's own rows of R and P(R_R = 1), kept per user (rows are reused: copied).
  const rRows: Float64Array[] = [];
  const pRows: Float64Array[] = [];
  const d = generateDataset(config, base, {
    observeUser: (u, values, kernels) => {
      rRows[u] = Float64Array.from(values.get("R") as Float64Array);
      pRows[u] = Float64Array.from(kernels.get("R_R")!.truth!["propensity"] as Float64Array);
    },
  });
  const pol = randomPolicy(config.users, config.movies, 9, 2);
  const v = evaluatePolicy({ engine: datasetEngine(d), users: config.users, movies: config.movies, policy: pol, observed: observedRatingsOf(d) });
  // The same sums by brute force over the dataset's tables.
  const obs = new Map<string, number>();
  const t = d.tables.rating;
  for (let i = 0; i < t.length; i++) obs.set(`${t.a[i]},${t.b[i]}`, t.c[i]!);
  let truth = 0;
  let o = 0;
  let oR = 0;
  let ips = 0;
  let ipsW = 0;
  let observedPairs = 0;
  for (let u = 0; u < config.users; u++) {
    const w = 1 / (config.users * 9);
    for (let i = pol.start[u]!; i < pol.start[u + 1]!; i++) {
      const m = pol.movie[i]!;
      truth += w * rRows[u]![m]!;
      const y = obs.get(`${u},${m}`);
      if (y === undefined) continue;
      observedPairs++;
      o += w;
      oR += w * y;
      ips += (w * y) / pRows[u]![m]!;
      ipsW += w / pRows[u]![m]!;
    }
  }
  assert.ok(observedPairs > 20, `${observedPairs} observed recommended pairs`);
  assert.equal(v.observedPairs, observedPairs);
  assert.equal(v.pairs, config.users * 9);
  for (const [got, want] of [[v.trueValue, truth], [v.naive, oR / o], [v.ips, ips], [v.snips, ips / ipsW]] as const) assert.ok(Math.abs(got - want) < 1e-12, `${got} vs ${want}`);
  // A policy with a different user count is a programming error.
  assert.throws(() => evaluatePolicy({ engine: datasetEngine(d), users: config.users, movies: config.movies, policy: popularityPolicy(5, config.movies, 3), observed: observedRatingsOf(d) }), RangeError);
});
