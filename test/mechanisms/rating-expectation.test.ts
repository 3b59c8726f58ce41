/**
 * The closed-form expected rating (Eq. 5 with rounding and clipping) and the tag effects τ, τ′
 * (Eq. 1–2) against Monte-Carlo estimates that run the generator's own `rating` mechanism on
 * fabricated TL rows. Tolerances: 4 standard errors (k·σ/√n with σ the sample sd).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import type { NodeKernel } from "../../src/mechanisms/mechanism.js";
import { rating, ratingParams } from "../../src/mechanisms/rating.js";
import type { TagSetRow, TmValue } from "../../src/mechanisms/values.js";
import { SeedTree } from "../../src/rng/stream.js";
import { RatingExpectation, type RatingModel } from "../../src/mechanisms/rating-expectation.js";
import { TagEffects } from "../../src/truth/tag-effect.js";

const DEFAULT: RatingModel = ratingParams.parse({});

/** The generator's rating kernel over fabricated Q values (node R with parents TL, Q). */
function ratingKernel(q: Float64Array, params: Record<string, unknown> = {}): NodeKernel {
  const node: NodeSpec = { name: "R", set: "V_m", plate: "user-movie", parents: ["TL", "Q"], mechanism: { kind: "rating", params } };
  return rating.setup({
    node,
    dims: { users: 1, movies: q.length },
    tags: { count: 1, popularity: new Float64Array([1]) },
    params: ratingParams.parse(params),
    parents: { get: <T>(name: string) => (name === "Q" ? q : undefined) as T },
    stream: () => new SeedTree(1).stream("unused"),
    compat: "none",
    warn: () => {},
  });
}

/** A TL row whose movie m has `k[m]` liked tags (bits 0..k−1; the mechanism uses |TL| only). */
function tlRow(k: ArrayLike<number>, tags: TmValue): TagSetRow {
  return { mask: Uint32Array.from(k, (n) => (n === 0 ? 0 : (2 ** n - 1) >>> 0)), tags };
}

const NO_TAGS: TmValue = { start: new Int32Array(1), tag: new Int32Array(0), originalTagId: new Int32Array(0) };

test("hand cases: symmetric around an inner integer the mean is exact; at the top the clip shows", () => {
  const e = new RatingExpectation(DEFAULT);
  // x = Q − μ + k/2 = 3.7 − 0.7 = 3: steps at 1.5, 2.5, 3.5, 4.5 pair up symmetrically → E = 3.
  assert.ok(Math.abs(e.expected(3.7, 0) - 3) < 1e-15);
  // x = 5: E = 1 + P(y ≥ 1.5) + P(y ≥ 2.5) + P(y ≥ 3.5) + P(y ≥ 4.5) ≈ 4 + Φ(2) (other terms 1 − O(1e-9)).
  assert.ok(Math.abs(e.expected(5.7, 0) - (4 + 0.9772498680518208)) < 1e-8);
  // Δ is the difference of expectations, computed without cancellation.
  for (const q of [0.1, 2.3, 3.86, 4.9, 6.5]) {
    for (let k = 0; k < 8; k++) assert.ok(Math.abs(e.increment(q, k) - (e.expected(q, k + 1) - e.expected(q, k))) < 1e-13);
  }
  // σ = 0: the rating is deterministic, as the mechanism computes it.
  const d = new RatingExpectation({ ...DEFAULT, sigma: 0 });
  assert.equal(d.expected(3.7, 1), Math.round(3.7 - 0.7 + 0.5));
  assert.equal(d.increment(5.9, 2), 0);
});

test("E[R | Q, |TL|] matches the generator's rating mechanism (Monte-Carlo, 4 standard errors)", () => {
  // Movies spanning the clipping at both ends and the inner integers, each with its |TL|.
  const q = Float64Array.from([0.2, 1.1, 1.93, 2.6, 3.2, 3.86, 4.4, 4.75, 5.3, 6.1]);
  const k = [0, 0, 1, 2, 0, 1, 3, 2, 0, 4];
  for (const params of [{}, { sigma: 0.8, mu: 0.3 }, { round: false }, { min: 0.5, max: 4.2 }]) {
    const kernel = ratingKernel(q, params);
    const model = ratingParams.parse(params);
    const e = new RatingExpectation(model);
    const row = tlRow(k, NO_TAGS);
    const n = 40_000;
    const sum = new Float64Array(q.length);
    const sum2 = new Float64Array(q.length);
    const seeds = new SeedTree(4);
    for (let i = 0; i < n; i++) {
      const r = kernel.forUser!({ user: i, parents: { get: <T>() => row as T }, rng: seeds.stream("mc", i), emit: () => {} }) as Float64Array;
      for (let m = 0; m < q.length; m++) {
        sum[m]! += r[m]!;
        sum2[m]! += r[m]! * r[m]!;
      }
    }
    for (let m = 0; m < q.length; m++) {
      const mean = sum[m]! / n;
      const sd = Math.sqrt(Math.max(sum2[m]! / n - mean * mean, 0));
      const want = e.expected(q[m]!, k[m]!);
      const tol = 4 * Math.max(sd, 1e-3) / Math.sqrt(n);
      assert.ok(Math.abs(mean - want) <= tol, `${JSON.stringify(params)} movie ${m} (Q ${q[m]}, |TL| ${k[m]}): Monte-Carlo ${mean}, closed form ${want}, tolerance ${tol}`);
    }
  }
});

test("τ(u, t) of Eq. 1 matches a Monte-Carlo of do(t ∈ TM_m) − do(t ∉ TM_m) through the rating mechanism", () => {
  // 30 movies, 4 tags each from 12 tags; a user who likes tags 0, 3, 5, 7.
  const movies = 30;
  const start = Int32Array.from({ length: movies + 1 }, (_, m) => 4 * m);
  const tag = new Int32Array(4 * movies);
  for (let m = 0; m < movies; m++) for (let s = 0; s < 4; s++) tag[4 * m + s] = (m * 5 + s * 3) % 12;
  const tm: TmValue = { start, tag, originalTagId: Int32Array.from({ length: 12 }, (_, i) => i) };
  const q = Float64Array.from({ length: movies }, (_, m) => 2.2 + (m * 0.37) % 3.6);
  const liked = Int32Array.from([0, 3, 5, 7]);
  const effects = new TagEffects(tm, q, DEFAULT, 12);
  const tau = new Float64Array(liked.length);
  effects.tau(liked, tau);
  const kernel = ratingKernel(q);
  const isLiked = (t: number) => liked.includes(t);
  const seeds = new SeedTree(7);
  const n = 4000;
  for (let i = 0; i < liked.length; i++) {
    const t = liked[i]!;
    // |TL| of each movie in each arm: its other liked tags, plus t in the treated arm.
    const others = Array.from({ length: movies }, (_, m) => {
      let c = 0;
      for (let s = start[m]!; s < start[m + 1]!; s++) if (tag[s] !== t && isLiked(tag[s]!)) c++;
      return c;
    });
    const treated = tlRow(others.map((c) => c + 1), tm);
    const control = tlRow(others, tm);
    let sum = 0;
    let sum2 = 0;
    for (let r = 0; r < n; r++) {
      const a = Float64Array.from(kernel.forUser!({ user: r, parents: { get: <T>() => treated as T }, rng: seeds.stream("treated", t, r), emit: () => {} }) as Float64Array);
      const b = kernel.forUser!({ user: r, parents: { get: <T>() => control as T }, rng: seeds.stream("control", t, r), emit: () => {} }) as Float64Array;
      let diff = 0;
      for (let m = 0; m < movies; m++) diff += a[m]! - b[m]!;
      diff /= movies;
      sum += diff;
      sum2 += diff * diff;
    }
    const mean = sum / n;
    const sd = Math.sqrt(sum2 / n - mean * mean);
    const tol = (4 * sd) / Math.sqrt(n);
    assert.ok(Math.abs(mean - tau[i]!) <= tol, `tag ${t}: Monte-Carlo τ ${mean}, closed form ${tau[i]}, tolerance ${tol}`);
    // Rounding and clipping: τ is positive but not the naive 1/2.
    assert.ok(tau[i]! > 0 && Math.abs(tau[i]! - 0.5) > 0.02, `tag ${t}: τ = ${tau[i]}`);
  }
});

test("τ from the precomputed tables equals the direct average over movies", () => {
  const movies = 25;
  const start = Int32Array.from({ length: movies + 1 }, (_, m) => 3 * m);
  const tag = Int32Array.from({ length: 3 * movies }, (_, i) => (i * 7) % 10);
  const tm: TmValue = { start, tag, originalTagId: new Int32Array(10) };
  const q = Float64Array.from({ length: movies }, (_, m) => 1 + (m * 0.61) % 5);
  const model = { ...DEFAULT, sigma: 0.4 };
  const effects = new TagEffects(tm, q, model, 10);
  const e = new RatingExpectation(model);
  const liked = Int32Array.from([1, 4, 6, 9]);
  const tau = new Float64Array(liked.length);
  effects.tau(liked, tau);
  liked.forEach((t, i) => {
    let direct = 0;
    for (let m = 0; m < movies; m++) {
      let k = 0;
      for (let s = start[m]!; s < start[m + 1]!; s++) if (tag[s] !== t && liked.includes(tag[s]!)) k++;
      direct += e.expected(q[m]!, k + 1) - e.expected(q[m]!, k);
    }
    assert.ok(Math.abs(direct / movies - tau[i]!) < 1e-12, `tag ${t}: ${direct / movies} vs ${tau[i]}`);
  });
});
