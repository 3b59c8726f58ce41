/**
 * Exact laws of the mechanisms exact-laws.test.ts does not cover: TU (liked-tags), Q (quality),
 * TM's padding (movie-tags), R_RCT (randomized-survey), and the deterministic TL (tag-overlap)
 * and proxies. Probabilities are worked out in closed form (comments give the formulas); each
 * frequency over n independent draws must lie within 5·sqrt(p(1 − p)/n) of its probability, a
 * false alarm below 1e-6 per check; moments within 5 standard errors derived from the law.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SelectedCatalog } from "../../src/catalog/select-movies.js";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import { likedTags } from "../../src/mechanisms/liked-tags.js";
import type { Mechanism, NodeKernel, ParentValues } from "../../src/mechanisms/mechanism.js";
import { movieTags } from "../../src/mechanisms/movie-tags.js";
import { observationalTagProxy, ratingProxy, surveyTagProxy } from "../../src/mechanisms/proxies.js";
import { quality } from "../../src/mechanisms/quality.js";
import { randomizedSurvey } from "../../src/mechanisms/randomized-survey.js";
import { tagOverlap } from "../../src/mechanisms/tag-overlap.js";
import type { TagSetRow, TmValue } from "../../src/mechanisms/values.js";
import type { MovieTags } from "../../src/catalog/movie-tags.js";
import { SeedTree } from "../../src/rng/stream.js";
import { normalCdf } from "../../src/mechanisms/normal-cdf.js";

const K = 5;

function within(freq: number, p: number, n: number, what: string): void {
  const tol = K * Math.sqrt((p * (1 - p)) / n) + 1e-12;
  assert.ok(Math.abs(freq - p) <= tol, `${what}: frequency ${freq.toFixed(6)} vs exact ${p.toFixed(6)} (tolerance ${tol.toExponential(2)}, n ${n})`);
}

function parentsOf(values: Record<string, unknown>): ParentValues {
  return { get: <T>(name: string) => values[name] as T, known: (name: string) => name in values };
}

interface Setup {
  readonly users?: number;
  readonly movies: number;
  readonly popularity?: readonly number[];
  readonly parents?: Record<string, unknown>;
  readonly seed?: number;
}

function setup<P>(m: Mechanism<P>, node: NodeSpec, params: Record<string, unknown>, s: Setup): NodeKernel {
  const seeds = new SeedTree(s.seed ?? 3);
  const pop = Float64Array.from(s.popularity ?? [0.25, 0.25, 0.25, 0.25]);
  return m.setup({
    node,
    dims: { users: s.users ?? 1, movies: s.movies },
    tags: { count: pop.length, popularity: pop },
    params: m.params.parse(params),
    parents: parentsOf(s.parents ?? {}),
    stream: (purpose) => seeds.stream(node.name, "setup", purpose),
    compat: "none",
    warn: () => {},
  });
}

function node(name: string, kind: string, parents: string[], plate: NodeSpec["plate"], set: NodeSpec["set"] = "V_m"): NodeSpec {
  return { name, set, plate, parents, mechanism: { kind } };
}

/** A catalog table of `movies` movies, movie m with the base tags lists[m], every average rating `avg`. */
function catalogMovies(lists: ReadonlyArray<readonly number[]>, avg: number, tags: number): SelectedCatalog {
  const tagStart = new Int32Array(lists.length + 1);
  lists.forEach((l, m) => (tagStart[m + 1] = tagStart[m]! + l.length));
  return {
    source: "test",
    movies: lists.length,
    originalMovieId: Int32Array.from(lists, (_, m) => m),
    avgRating: new Float64Array(lists.length).fill(avg),
    popularity: new Float64Array(lists.length).fill(1),
    tagStart,
    tag: Int32Array.from(lists.flat()),
    originalTagId: Int32Array.from({ length: tags }, (_, t) => t),
    tagPopularity: new Float64Array(tags).fill(1 / tags),
  };
}

test("liked-tags: |TU| ~ Uniform{min..max}; one tag is tag t with probability π_t; two tags {i, j} with π_iπ_j/(1−π_i) + π_jπ_i/(1−π_j)", () => {
  const pi = [0.5, 0.3, 0.15, 0.05];
  const users = 100_000;
  const family = new SeedTree(5).family("TU", "user");
  const sizes = setup(likedTags, node("TU", "liked-tags", [], "user", "N"), { min: 1, max: 3 }, { movies: 1, popularity: pi });
  const bySize = [0, 0, 0, 0];
  const single = setup(likedTags, node("TU", "liked-tags", [], "user", "N"), { min: 1, max: 1 }, { movies: 1, popularity: pi });
  const singles = [0, 0, 0, 0];
  const pair = setup(likedTags, node("TU", "liked-tags", [], "user", "N"), { min: 2, max: 2 }, { movies: 1, popularity: pi });
  const pairs = new Map<string, number>();
  for (let u = 0; u < users; u++) {
    const tu = sizes.forUser!({ user: u, parents: parentsOf({}), rng: family.stream(u), emit: () => {} }) as Int32Array;
    assert.equal(new Set(tu).size, tu.length);
    bySize[tu.length]!++;
    const one = single.forUser!({ user: u, parents: parentsOf({}), rng: family.stream(users + u), emit: () => {} }) as Int32Array;
    singles[one[0]!]!++;
    const two = Array.from(pair.forUser!({ user: u, parents: parentsOf({}), rng: family.stream(2 * users + u), emit: () => {} }) as Int32Array).sort();
    pairs.set(two.join(","), (pairs.get(two.join(",")) ?? 0) + 1);
  }
  for (let k = 1; k <= 3; k++) within(bySize[k]! / users, 1 / 3, users, `P(|TU| = ${k})`);
  for (let t = 0; t < 4; t++) within(singles[t]! / users, pi[t]!, users, `P(TU = {${t}})`);
  for (let i = 0; i < 4; i++) {
    for (let j = i + 1; j < 4; j++) {
      const p = (pi[i]! * pi[j]!) / (1 - pi[i]!) + (pi[j]! * pi[i]!) / (1 - pi[j]!);
      within((pairs.get(`${i},${j}`) ?? 0) / users, p, users, `P(TU = {${i}, ${j}})`);
    }
  }
});

test("quality (Eq. 4): Q_m − R̄_m ~ N(0, σ²): mean, variance and P(Q_m ≤ R̄_m + σ) = Φ(1)", () => {
  const movies = 100_000;
  const sigma = 0.75;
  const M = catalogMovies(Array.from({ length: movies }, () => [0]), 3.5, 1);
  const q = setup(quality, node("Q", "quality", ["M"], "movie", "N"), { sigma }, { movies, parents: { M } }).value as Float64Array;
  let sum = 0;
  let sq = 0;
  let below = 0;
  for (let m = 0; m < movies; m++) {
    const z = q[m]! - 3.5;
    sum += z;
    sq += z * z;
    if (z <= sigma) below++;
  }
  const mean = sum / movies;
  const variance = sq / movies - mean * mean;
  // sd of the mean σ/√n; of the sample variance σ²·√(2/n) for a normal law.
  assert.ok(Math.abs(mean) <= (K * sigma) / Math.sqrt(movies), `mean ${mean}`);
  assert.ok(Math.abs(variance - sigma ** 2) <= K * sigma ** 2 * Math.sqrt(2 / movies), `variance ${variance}`);
  within(below / movies, normalCdf(1), movies, "P(Q ≤ R̄ + σ)");
  const flat = setup(quality, node("Q", "quality", ["M"], "movie", "N"), { sigma: 0 }, { movies: 3, parents: { M: catalogMovies([[0], [0], [0]], 4.25, 1) } }).value as Float64Array;
  assert.deepEqual(Array.from(flat), [4.25, 4.25, 4.25]); // σ = 0: Q is the average rating
});

test("movie-tags: a movie's first k catalog tags kept in order; padding drawn from π without the movie's own tags", () => {
  const pi = [0.4, 0.3, 0.2, 0.1];
  const n = 50_000;
  // Movie 2m: no base tag, k = 1 → the pad is t with probability π_t. Movie 2m+1: base tag 0 → the
  // pad (k = 2) is t ≠ 0 with probability π_t / (1 − π_0).
  const lists = Array.from({ length: 2 * n }, (_, m) => (m % 2 === 0 ? [] : [0]));
  const one = setup(movieTags, node("TM", "movie-tags", ["M"], "movie", "V_o"), { tagsPerMovie: 1 }, { movies: 2 * n, popularity: pi, parents: { M: catalogMovies(lists, 3, 4) } }).value as MovieTags;
  const two = setup(movieTags, node("TM", "movie-tags", ["M"], "movie", "V_o"), { tagsPerMovie: 2 }, { movies: 2 * n, popularity: pi, parents: { M: catalogMovies(lists, 3, 4) } }).value as MovieTags;
  const empty = [0, 0, 0, 0];
  const afterZero = [0, 0, 0, 0];
  for (let m = 0; m < 2 * n; m++) {
    if (m % 2 === 0) empty[one.tag[one.start[m]!]!]!++;
    else {
      assert.equal(one.tag[one.start[m]!], 0); // the base tag, no padding
      assert.equal(two.tag[two.start[m]!], 0);
      afterZero[two.tag[two.start[m]! + 1]!]!++;
    }
  }
  for (let t = 0; t < 4; t++) within(empty[t]! / n, pi[t]!, n, `pad of an empty movie = ${t}`);
  assert.equal(afterZero[0], 0);
  for (let t = 1; t < 4; t++) within(afterZero[t]! / n, pi[t]! / (1 - pi[0]!), n, `pad after tag 0 = ${t}`);
  const long = setup(movieTags, node("TM", "movie-tags", ["M"], "movie", "V_o"), { tagsPerMovie: 3 }, { movies: 1, popularity: pi, parents: { M: catalogMovies([[3, 1, 0, 2]], 3, 4) } }).value as MovieTags;
  assert.deepEqual(Array.from(long.tag), [3, 1, 0]);
});

test("randomized-survey: exactly `users` users, each uniformly likely; P(m shown | surveyed) = k/M and P(m, m′ shown) = k(k−1)/(M(M−1))", () => {
  const U = 10;
  const M = 10;
  const chosen = new Array<number>(U).fill(0);
  const setups = 20_000;
  for (let s = 0; s < setups; s++) {
    const k = setup(randomizedSurvey, node("R_RCT", "randomized-survey", [], "user-movie", "R"), { users: 3, moviesPerUser: 4 }, { users: U, movies: M, seed: s });
    const surveyed = (k.truth as { surveyed: Uint8Array }).surveyed;
    assert.equal(surveyed.reduce((a, b) => a + b, 0), 3);
    for (let u = 0; u < U; u++) chosen[u]! += surveyed[u]!;
  }
  for (let u = 0; u < U; u++) within(chosen[u]! / setups, 3 / U, setups, `P(user ${u} surveyed)`);
  const k = setup(randomizedSurvey, node("R_RCT", "randomized-survey", [], "user-movie", "R"), { users: U, moviesPerUser: 4 }, { users: U, movies: M });
  const family = new SeedTree(8).family("R_RCT", "user");
  const n = 50_000;
  const shown = new Array<number>(M).fill(0);
  let both01 = 0;
  for (let i = 0; i < n; i++) {
    const row = k.forUser!({ user: i % U, parents: parentsOf({}), rng: family.stream(i), emit: () => {} }) as Uint8Array;
    assert.equal(row.reduce((a, b) => a + b, 0), 4);
    for (let m = 0; m < M; m++) shown[m]! += row[m]!;
    if (row[0] === 1 && row[1] === 1) both01++;
  }
  for (let m = 0; m < M; m++) within(shown[m]! / n, 4 / M, n, `P(movie ${m} shown)`);
  within(both01 / n, (4 * 3) / (M * (M - 1)), n, "P(movies 0 and 1 shown)");
  const none = setup(randomizedSurvey, node("R_RCT", "randomized-survey", [], "user-movie", "R"), { users: 0, moviesPerUser: 4 }, { users: U, movies: M });
  const empty = none.forUser!({ user: 0, parents: parentsOf({}), rng: family.stream(0), emit: () => {} }) as Uint8Array;
  assert.equal(empty.reduce((a, b) => a + b, 0), 0); // an unsurveyed user is shown nothing
});

/** TM for tests: movie m's tags lists[m] (at most 31). */
function tm(lists: ReadonlyArray<readonly number[]>, tags: number): TmValue {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, m) => (start[m + 1] = start[m]! + l.length));
  return { start, tag: Int32Array.from(lists.flat()), originalTagId: Int32Array.from({ length: tags }, (_, t) => t) };
}

test("tag-overlap: TL = TM ∩ TU slot by slot, with its size, on 200 random cases against a direct intersection", () => {
  const tree = new SeedTree(12);
  for (let c = 0; c < 200; c++) {
    const rng = tree.stream("tag-overlap", c);
    const tags = 1 + rng.int(12);
    const lists = Array.from({ length: 1 + rng.int(6) }, () => [...new Set(Array.from({ length: rng.int(8) }, () => rng.int(tags)))]);
    const tu = Int32Array.from(new Set(Array.from({ length: rng.int(tags + 1) }, () => rng.int(tags))));
    const TM = tm(lists, tags);
    const k = setup(tagOverlap, node("TL", "tag-overlap", ["TM", "TU"], "user-movie"), {}, { movies: lists.length, popularity: Array.from({ length: tags }, () => 1 / tags), parents: { TM } });
    const tl = k.forUser!({ user: 0, parents: parentsOf({ TU: tu }), rng: rng, emit: () => {} }) as TagSetRow;
    const liked = new Set(tu);
    lists.forEach((l, m) => {
      let mask = 0;
      l.forEach((t, slot) => (mask |= liked.has(t) ? 1 << slot : 0));
      assert.equal(tl.mask[m], mask >>> 0, `case ${c}, movie ${m}`);
      assert.equal(tl.count![m], l.filter((t) => liked.has(t)).length);
    });
  }
});

test("proxies: R* where R_R = 1; RCT* every liked tag or −1; O* the labelled liked tags, the rest dropped (Test I)", () => {
  const TM = tm([[5, 6, 7], [8], [9, 10]], 11);
  const rows: string[] = [];
  const emit = (t: string, a: number, b: number, c: number) => rows.push(`${t} ${a} ${b} ${c}`);
  const r = setup(ratingProxy, node("R*", "rating-proxy", ["R", "R_R"], "user-movie", "V*"), {}, { movies: 3 });
  r.forUser!({ user: 4, parents: parentsOf({ R: Float64Array.from([3, 5, 1]), R_R: Uint8Array.from([1, 0, 1]) }), rng: new SeedTree(0).stream("x"), emit });
  assert.deepEqual(rows.splice(0), ["rating 4 0 3", "rating 4 2 1"]);
  // TL: movie 0 likes slots 0 and 2 (tags 5, 7), movie 1 none, movie 2 slot 1 (tag 10).
  const TL: TagSetRow = { mask: Uint32Array.from([0b101, 0, 0b10]), tags: TM };
  const s = setup(surveyTagProxy, node("RCT*", "survey-tag-proxy", ["TL", "R_RCT"], "user-movie", "V*"), {}, { movies: 3 });
  s.forUser!({ user: 2, parents: parentsOf({ TL, R_RCT: Uint8Array.from([1, 1, 0]) }), rng: new SeedTree(0).stream("x"), emit });
  assert.deepEqual(rows.splice(0), ["rcttag 2 0 5", "rcttag 2 0 7", "rcttag 2 1 -1"]);
  const o = setup(observationalTagProxy, node("O*", "observational-tag-proxy", ["TL", "R_O"], "user-movie", "V*"), {}, { movies: 3 });
  const R_O = { observed: Uint8Array.from([1, 1, 1]), labelled: Uint32Array.from([0b001, 0, 0]) };
  o.forUser!({ user: 1, parents: parentsOf({ TL, R_O }), rng: new SeedTree(0).stream("x"), emit });
  assert.deepEqual(rows.splice(0), ["obstag 1 0 5", "dropped 1 0 7", "obstag 1 1 -1", "dropped 1 2 10"]);
  // A plain 0/1 row for R_O (an intervention) labels every liked tag: nothing dropped.
  o.forUser!({ user: 1, parents: parentsOf({ TL, R_O: Uint8Array.from([1, 0, 1]) }), rng: new SeedTree(0).stream("x"), emit });
  assert.deepEqual(rows.splice(0), ["obstag 1 0 5", "obstag 1 0 7", "obstag 1 2 10"]);
});
