/**
 * The click world's mechanisms (docs/tasks-ranking.md#the-click-world), each against its exact
 * law: the logging ranker's Plackett–Luce law (first and second positions, weights r^(−1/noise))
 * and its swap law, examination k^−η, the graded attractiveness worked by hand, the click C = A·E;
 * frequencies over n users within 5·sqrt(p(1 − p)/n) (a false alarm below 1e-6 per cell). Then the
 * whole variant: it validates, and over a small world the click rate per (position, grade) meets
 * k^−η · P(A | y).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { ConfigError } from "../../src/errors/errors.js";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import { graphProblems } from "../../src/graph/validate-graph.js";
import type { Mechanism } from "../../src/mechanisms/mechanism.js";
import { type LoggedList, loggingRanker } from "../../src/mechanisms/logging-ranker.js";
import { examinationProbability, positionExamination } from "../../src/mechanisms/position-examination.js";
import { attractiveness, gradedAttractiveness, gradedAttractivenessParams } from "../../src/mechanisms/graded-attractiveness.js";
import { clickProxy } from "../../src/mechanisms/click-proxy.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { SeedTree } from "../../src/rng/stream.js";
import { ctarVariant } from "../../src/scm/ctar-variants.js";
import { runGraph } from "../../src/generate/engine.js";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { analyzeGraph } from "../../src/graph/analyze-graph.js";
import { verifyWorld } from "../../src/verify/verify-world.js";

const within = (hits: number, n: number, p: number, what: string) => {
  const tol = 5 * Math.sqrt((p * (1 - p)) / n);
  assert.ok(Math.abs(hits / n - p) <= tol, `${what}: frequency ${hits / n} vs exact ${p} (tolerance ${tol})`);
};

function kernelOf<P>(m: Mechanism<P>, node: NodeSpec, movies: number, params: Record<string, unknown>, parents: Record<string, unknown>) {
  return m.setup({
    node,
    dims: { users: 1, movies },
    tags: { count: 1, popularity: new Float64Array([1]) },
    params: m.params.parse(params),
    parents: { get: <T>(name: string) => parents[name] as T },
    stream: (purpose) => new SeedTree(1).stream(node.name, "setup", purpose),
    compat: "none",
    warn: () => {},
  });
}

const LIST: NodeSpec = { name: "List", set: "V_o", plate: "user-movie", parents: ["RecSys"], mechanism: { kind: "logging-ranker" } };
const N = 100_000;

test("logging-ranker: the first two positions follow Plackett–Luce with weights r^(−1/noise)", () => {
  const movies = 4;
  const score = Float64Array.from({ length: movies }, (_, m) => movies - m); // movie m at position r = m + 1
  const noise = 0.8;
  const k = kernelOf(loggingRanker, LIST, movies, { length: 2, noise, swap: 0 }, { RecSys: score });
  const w = Array.from({ length: movies }, (_, m) => (m + 1) ** (-1 / noise));
  const W = w.reduce((a, b) => a + b, 0);
  const pairs = new Float64Array(movies * movies);
  const seeds = new SeedTree(11).family("List", "user");
  for (let u = 0; u < N; u++) {
    const l = k.forUser!({ user: u, parents: { get: <T>(name: string) => (name === "RecSys" ? score : undefined) as T }, rng: seeds.stream(u), emit: () => {} }) as LoggedList;
    pairs[l.order[0]! * movies + l.order[1]!]! += 1;
    assert.equal(l.position[l.order[0]!], 1);
    assert.equal(l.position.filter((x) => x > 0).length, 2);
  }
  for (let a = 0; a < movies; a++)
    for (let b = 0; b < movies; b++) {
      const p = a === b ? 0 : (w[a]! / W) * (w[b]! / (W - w[a]!));
      within(pairs[a * movies + b]!, N, p, `first ${a}, second ${b}`);
    }
});

test("logging-ranker: noise 0 shows the L most exposed in order; a swap exchanges positions 1 and k, k uniform on 2..L", () => {
  const movies = 6;
  const L = 4;
  const score = Float64Array.from({ length: movies }, (_, m) => movies - m);
  const k = kernelOf(loggingRanker, LIST, movies, { length: L, noise: 0, swap: 0.3 }, { RecSys: score });
  const swaps = new Float64Array(L + 1);
  const seeds = new SeedTree(12).family("List", "user");
  for (let u = 0; u < N; u++) {
    const l = k.forUser!({ user: u, parents: { get: <T>() => score as T }, rng: seeds.stream(u), emit: () => {} }) as LoggedList;
    const expected = [0, 1, 2, 3];
    if (l.swap > 0) [expected[0], expected[l.swap - 1]] = [expected[l.swap - 1]!, expected[0]!];
    assert.deepEqual([...l.order], expected);
    swaps[l.swap]! += 1;
  }
  within(swaps[0]!, N, 0.7, "no swap");
  for (let j = 2; j <= L; j++) within(swaps[j]!, N, 0.3 / (L - 1), `swap with ${j}`);
  assert.equal(swaps[1], 0);
});

test("logging-ranker: a list longer than the catalog is a ConfigError naming the node", () => {
  assert.throws(() => kernelOf(loggingRanker, LIST, 5, { length: 6 }, { RecSys: new Float64Array(5) }), (e: unknown) => e instanceof ConfigError && /node 'List': list length 6 is longer than the catalog \(5 movies/.test(e.message));
});

test("position-examination: P(E = 1 | k) = k^−η on the list, 0 off it", () => {
  const movies = 8;
  const eta = 1.5;
  const node: NodeSpec = { name: "E", set: "R", plate: "user-movie", parents: ["List"], mechanism: { kind: "position-examination" } };
  const k = kernelOf(positionExamination, node, movies, { eta }, {});
  // Movies 5, 2, 7 at positions 1, 2, 3; the rest are not shown.
  const position = new Float64Array(movies);
  const list: LoggedList = { position, order: Int32Array.from([5, 2, 7]), swap: 0 };
  list.order.forEach((m, i) => (position[m] = i + 1));
  const hits = new Float64Array(movies);
  const seeds = new SeedTree(13).family("E", "user");
  for (let u = 0; u < N; u++) {
    const row = k.forUser!({ user: u, parents: { get: <T>() => list as T }, rng: seeds.stream(u), emit: () => {} }) as Uint8Array;
    for (let m = 0; m < movies; m++) hits[m]! += row[m]!;
  }
  for (let m = 0; m < movies; m++) {
    if (position[m] === 0) assert.equal(hits[m], 0, `movie ${m} is not shown`);
    else within(hits[m]!, N, position[m]! ** -eta, `position ${position[m]}`);
  }
  assert.equal(examinationProbability(4, 1), 0.25);
  assert.equal(examinationProbability(0, 1), 0);
});

test("graded-attractiveness: ULTRA's map ε− + (ε+ − ε−)(2^y − 1)/15 worked by hand, and met by frequencies", () => {
  const p = gradedAttractivenessParams.parse({});
  // y = R − 1 = 0..4: 0.1, 0.1 + 0.9/15, 0.1 + 0.9·3/15, 0.1 + 0.9·7/15, 1.
  const byHand = [0.1, 0.16, 0.28, 0.52, 1];
  [1, 2, 3, 4, 5].forEach((r, i) => assert.ok(Math.abs(attractiveness(r, p) - byHand[i]!) < 1e-15, `R = ${r}`));
  assert.equal(attractiveness(7, p), 1); // clipped to the top grade
  const node: NodeSpec = { name: "A", set: "V_m", plate: "user-movie", parents: ["R"], mechanism: { kind: "graded-attractiveness" } };
  const rating = Float64Array.from([1, 2, 3, 4, 5]);
  const k = kernelOf(gradedAttractiveness, node, 5, {}, {});
  const hits = new Float64Array(5);
  const seeds = new SeedTree(14).family("A", "user");
  for (let u = 0; u < N; u++) {
    const row = k.forUser!({ user: u, parents: { get: <T>() => rating as T }, rng: seeds.stream(u), emit: () => {} }) as Uint8Array;
    for (let m = 0; m < 5; m++) hits[m]! += row[m]!;
  }
  byHand.forEach((q, m) => within(hits[m]!, N, q, `R = ${m + 1}`));
  assert.equal(gradedAttractivenessParams.safeParse({ epsMin: 0.5, epsMax: 0.2 }).success, false);
  assert.equal(gradedAttractivenessParams.safeParse({ epsMax: 1.5 }).success, false);
});

test("click-proxy: C = A · E", () => {
  const node: NodeSpec = { name: "C", set: "V*", plate: "user-movie", parents: ["A", "E"], mechanism: { kind: "click-proxy" } };
  const k = kernelOf(clickProxy, node, 4, {}, {});
  const a = Uint8Array.from([1, 1, 0, 0]);
  const e = Uint8Array.from([1, 0, 1, 0]);
  const row = k.forUser!({ user: 0, parents: { get: <T>(n: string) => (n === "A" ? a : e) as T }, rng: new SeedTree(1).stream("x"), emit: () => {} }) as Uint8Array;
  assert.deepEqual([...row], [1, 0, 0, 0]);
});

test("the ctar-clicks variant is a valid m-graph; over a world, P(C = 1 | k, R) = k^−η · P(A | R)", () => {
  const registry = builtinRegistry();
  const config = parseCtarConfig({ users: 3000, movies: 60, seed: 5 });
  const g = ctarVariant("ctar-clicks", ctarGraph(config), registry);
  assert.deepEqual(graphProblems(g, { knownMechanisms: new Set(registry.kinds()) }), []);
  const catalog = selectMovies(syntheticCatalog(), 60);
  const L = 10;
  const hits = new Float64Array((L + 1) * 6);
  const count = new Float64Array((L + 1) * 6);
  runGraph({
    graph: g,
    registry,
    dims: { users: 3000, movies: 60 },
    catalog,
    seed: 5,
    compat: "none",
    warn: () => {},
    emit: () => {},
    onUser: (_u, values) => {
      const list = values.get("List") as LoggedList;
      const r = values.get("R") as Float64Array;
      const c = values.get("C") as Uint8Array;
      list.order.forEach((m, i) => {
        count[(i + 1) * 6 + r[m]!]! += 1;
        hits[(i + 1) * 6 + r[m]!]! += c[m]!;
      });
    },
  });
  const p = gradedAttractivenessParams.parse({});
  let cells = 0;
  for (let k = 1; k <= L; k++)
    for (let r = 1; r <= 5; r++) {
      const n = count[k * 6 + r]!;
      if (n < 200) continue;
      cells++;
      within(hits[k * 6 + r]!, n, k ** -1 * attractiveness(r, p), `position ${k}, R = ${r}`);
    }
  assert.ok(cells >= 20, `only ${cells} (position, rating) cells with 200 lists`);
});

test("ctar-clicks: graph analyze finds E MAR and P(A) recoverable; verify passes on a small world", () => {
  const registry = builtinRegistry();
  const config = parseCtarConfig({ users: 300, movies: 100, seed: 2 });
  const g = ctarVariant("ctar-clicks", ctarGraph(config), registry);
  const a = analyzeGraph(g);
  assert.equal(a.classification.indicators.find((i) => i.indicator === "E")?.class, "MAR");
  assert.equal(a.recoverability.find((r) => r.target === "P(A)")?.status, "recoverable");
  const report = verifyWorld({ graph: g, registry, config, catalog: syntheticCatalog() });
  assert.equal(report.passed, true);
  for (const claim of ["E ⊥ R | M", "E ⊥ A | M"]) assert.equal(report.results.find((r) => r.text === claim)?.verdict, "holds", claim);
});
