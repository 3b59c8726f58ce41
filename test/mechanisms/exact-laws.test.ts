/**
 * Each mechanism whose sampling method is not the textbook one is pinned to its exact law: the
 * probabilities are computed independently (the normal CDF for the rating, the closed forms for
 * the indicators), and large-n frequencies from the mechanism's own kernel must lie within
 * 5·sqrt(p(1 − p)/n) of them (a false alarm has probability below 1e-6 per check).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import type { Mechanism, NodeKernel, ParentValues } from "../../src/mechanisms/mechanism.js";
import { popularityMissingness } from "../../src/mechanisms/popularity-missingness.js";
import { rating } from "../../src/mechanisms/rating.js";
import { selectionMissingness } from "../../src/mechanisms/selection-missingness.js";
import type { TagSetRow, TmValue } from "../../src/mechanisms/values.js";
import { thinnedBernoulli } from "../../src/rng/sample.js";
import { SeedTree } from "../../src/rng/stream.js";
import { normalCdf } from "../../src/mechanisms/normal-cdf.js";

const K = 5;

function within(freq: number, p: number, n: number, what: string): void {
  const tol = K * Math.sqrt((p * (1 - p)) / n) + 1e-12;
  assert.ok(Math.abs(freq - p) <= tol, `${what}: frequency ${freq.toFixed(6)} vs exact ${p.toFixed(6)} (tolerance ${tol.toExponential(2)}, n ${n})`);
}

function parentsOf(values: Record<string, unknown>): ParentValues {
  return { get: <T>(name: string) => values[name] as T };
}

function setup<P>(m: Mechanism<P>, node: NodeSpec, params: Record<string, unknown>, movies: number, parents: Record<string, unknown>, compat: "none" | "reference" = "none"): NodeKernel {
  const seeds = new SeedTree(3);
  return m.setup({
    node,
    dims: { users: 1, movies },
    tags: { count: 8, popularity: new Float64Array(8).fill(1 / 8) },
    params: m.params.parse(params),
    parents: parentsOf(parents),
    stream: (purpose) => seeds.stream(node.name, "setup", purpose),
    compat,
    warn: () => {},
  });
}

function node(name: string, kind: string, parents: string[], set: NodeSpec["set"] = "V_m"): NodeSpec {
  return { name, set, plate: "user-movie", parents, mechanism: { kind } };
}

/** A TL row in which movie m has exactly `liked[m]` liked tags among its 8. */
function tagSetRow(liked: readonly number[]): TagSetRow {
  const movies = liked.length;
  const start = Int32Array.from({ length: movies + 1 }, (_, m) => 8 * m);
  const tag = Int32Array.from({ length: 8 * movies }, (_, i) => i % 8);
  const tags: TmValue = { start, tag, originalTagId: Int32Array.from({ length: 8 }, (_, i) => i) };
  const mask = Uint32Array.from(liked, (k) => (1 << k) - 1);
  return { mask, tags };
}

test("rating: P(R = r | Q, |TL|) is exactly P(clip(round(Q − μ + |TL|/2 + σZ)) = r), for the usual and an unusual scale", () => {
  const cases = [
    { params: { mu: 0.7, sigma: 0.25, min: 1, max: 5 }, q: [3.86, 4.4, 2.1, 3.3], liked: [0, 1, 3, 8] },
    { params: { mu: 0.5, sigma: 0.9, min: 1.5, max: 7 }, q: [3.86, 6.2], liked: [2, 0] },
  ];
  for (const c of cases) {
    const movies = c.q.length;
    const k = setup(rating, node("R", "rating", ["TL", "Q"]), c.params, movies, { Q: Float64Array.from(c.q) });
    const tl = tagSetRow(c.liked);
    const n = 200_000;
    const counts = new Map<string, number>();
    const seeds = new SeedTree(11).family("R", "user");
    for (let u = 0; u < n; u++) {
      const row = k.forUser!({ user: u, parents: parentsOf({ TL: tl }), rng: seeds.stream(u), emit: () => {} }) as Float64Array;
      for (let m = 0; m < movies; m++) counts.set(`${m}:${row[m]}`, (counts.get(`${m}:${row[m]}`) ?? 0) + 1);
    }
    const { mu, sigma, min, max } = c.params;
    for (let m = 0; m < movies; m++) {
      const x = c.q[m]! - mu + c.liked[m]! / 2;
      // The law of clip(round(y)), y ~ N(x, σ²), level by level (round half up: round(y) = r ⇔ r − ½ ≤ y < r + ½).
      const law = new Map<number, number>();
      const add = (r: number, p: number) => law.set(r, (law.get(r) ?? 0) + p);
      for (let r = Math.ceil(min) - 1; r <= Math.floor(max) + 1; r++) {
        const p = normalCdf((r + 0.5 - x) / sigma) - normalCdf((r - 0.5 - x) / sigma);
        add(r < min ? min : r > max ? max : r, p);
      }
      add(min, normalCdf((Math.ceil(min) - 1.5 - x) / sigma));
      add(max, 1 - normalCdf((Math.floor(max) + 1.5 - x) / sigma));
      let seen = 0;
      for (const [r, p] of law) {
        const f = (counts.get(`${m}:${r}`) ?? 0) / n;
        seen += f;
        within(f, p, n, `movie ${m} (x = ${x.toFixed(3)}), rating ${r}`);
      }
      assert.ok(Math.abs(seen - 1) < 1e-12, `movie ${m}: a rating outside the law's support was drawn`);
    }
  }
});

test("thinned Bernoulli draws: each item is a hit with probability min(1, scale·w), independently of the others", () => {
  const w = Float64Array.from([0.001, 0.02, 0.05, 0.05, 0.2, 0.0, 0.4]);
  for (const scale of [1, 3]) {
    const wMax = 0.4;
    const n = 300_000;
    const hits = new Float64Array(w.length);
    let both = 0;
    const seeds = new SeedTree(5).family("thin", scale);
    const row = new Uint8Array(w.length);
    for (let u = 0; u < n; u++) {
      row.fill(0);
      let last = -1;
      thinnedBernoulli(seeds.stream(u), w, scale, wMax, (i) => {
        assert.ok(i > last, "hits come in increasing order");
        last = i;
        row[i] = 1;
      });
      for (let i = 0; i < w.length; i++) hits[i]! += row[i]!;
      both += row[2]! * row[4]!;
    }
    for (let i = 0; i < w.length; i++) within(hits[i]! / n, Math.min(1, scale * w[i]!), n, `scale ${scale}, item ${i}`);
    within(both / n, Math.min(1, scale * w[2]!) * Math.min(1, scale * w[4]!), n, `scale ${scale}, items 2 and 4 together`);
  }
});

test("popularity-missingness (Eq. 6): P(R_R = 1 | m) is the recorded propensity, over many users", () => {
  const movies = 50;
  const score = Float64Array.from({ length: movies }, (_, m) => movies - m);
  const k = setup(popularityMissingness, node("R_R", "popularity-missingness", ["RecSys"], "R"), { rate: 0.05, temperature: 20 }, movies, { RecSys: score });
  const p = k.truth!["propensity"] as Float64Array;
  const n = 100_000;
  const hits = new Float64Array(movies);
  const seeds = new SeedTree(8).family("R_R", "user");
  for (let u = 0; u < n; u++) {
    const row = k.forUser!({ user: u, parents: parentsOf({}), rng: seeds.stream(u), emit: () => {} }) as Uint8Array;
    for (let m = 0; m < movies; m++) hits[m]! += row[m]!;
  }
  // Eq. 6 directly: s_m = sigmoid(score/T + b), b = −|M|/(2T), p = rate · s / mean(s).
  const s = Array.from(score, (x) => 1 / (1 + Math.exp(-(x / 20 - movies / 40))));
  const mean = s.reduce((a, b) => a + b, 0) / movies;
  for (let m = 0; m < movies; m++) {
    assert.ok(Math.abs(p[m]! - (0.05 * s[m]!) / mean) < 1e-15);
    within(hits[m]! / n, p[m]!, n, `movie ${m}`);
  }
});

test("selection-missingness (Eq. 7): P(R_O = 1 | u, m) = min(1, rate·s_um/mean_m s_u·), one liked tag always labelled, others with keepRate", () => {
  const movies = 40;
  const score = Float64Array.from({ length: movies }, (_, m) => movies - m);
  const r = Float64Array.from({ length: movies }, (_, m) => 1 + (m % 5));
  const liked = Array.from({ length: movies }, (_, m) => m % 4);
  const tl = tagSetRow(liked);
  const params = { rate: 0.08, temperature: 10, keepRate: 0.6 };
  const k = setup(selectionMissingness, node("R_O", "selection-missingness", ["RecSys", "R", "TL"], "R"), params, movies, { RecSys: score });
  const n = 100_000;
  const obs = new Float64Array(movies);
  const tagHits = new Float64Array(movies * 8);
  const seeds = new SeedTree(9).family("R_O", "user");
  let prob: Float64Array | undefined;
  for (let u = 0; u < n; u++) {
    const row = k.forUser!({ user: u, parents: parentsOf({ R: r, TL: tl }), rng: seeds.stream(u), emit: () => {} }) as { observed: Uint8Array; labelled: Uint32Array; probability: Float64Array };
    prob ??= Float64Array.from(row.probability);
    for (let m = 0; m < movies; m++) {
      if (row.observed[m] !== 1) continue;
      obs[m]!++;
      for (let b = 0; b < 8; b++) if ((row.labelled[m]! >>> b) & 1) tagHits[m * 8 + b]!++;
    }
  }
  const T = 10;
  const alpha = movies / 5;
  const bias = -movies / T;
  const s = Array.from({ length: movies }, (_, m) => 1 / (1 + Math.exp(-((score[m]! + alpha * r[m]!) / T + bias))));
  const mean = s.reduce((a, b) => a + b, 0) / movies;
  for (let m = 0; m < movies; m++) {
    const p = Math.min(1, (params.rate * s[m]!) / mean);
    assert.ok(Math.abs(prob![m]! - p) < 1e-12, `recorded probability of movie ${m}`);
    within(obs[m]! / n, p, n, `movie ${m} observed`);
    const L = liked[m]!;
    for (let b = 0; b < L; b++) {
      // Labelled given observed: chosen as the always-labelled tag (1/L), or kept (keepRate) otherwise.
      const q = 1 / L + (1 - 1 / L) * params.keepRate;
      within(tagHits[m * 8 + b]! / obs[m]!, q, obs[m]!, `movie ${m}, liked tag ${b} labelled`);
    }
  }
});
