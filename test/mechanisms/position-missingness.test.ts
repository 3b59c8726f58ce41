/**
 * position-missingness (docs/model.md#position-bias-the-position-missingness-mechanism): the list
 * positions worked out by hand, the exact law P(R_R = 1 | m) = min(1, rate · r_m^−η / mean r^−η)
 * computed independently and met by large-n frequencies within 5·sqrt(p(1 − p)/n) (a false alarm
 * below 1e-6 per movie), and the routes to it: `--do R_R=position` and the ctar-position variant.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import { listPositions, positionMissingness } from "../../src/mechanisms/position-missingness.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { ctarVariant } from "../../src/scm/ctar-variants.js";
import { SeedTree } from "../../src/rng/stream.js";
import { applyInterventions, parseIntervention } from "../../src/scm/intervention.js";
import { ctar, tempDir } from "../helpers/paths.js";

const NODE: NodeSpec = { name: "R_R", set: "R", plate: "user-movie", parents: ["RecSys"], mechanism: { kind: "position-missingness" } };

function kernel(score: Float64Array, params: Record<string, unknown>, warnings: string[] = []) {
  const seeds = new SeedTree(3);
  return positionMissingness.setup({
    node: NODE,
    dims: { users: 1, movies: score.length },
    tags: { count: 1, popularity: new Float64Array([1]) },
    params: positionMissingness.params.parse(params),
    parents: { get: <T>(name: string) => (name === "RecSys" ? score : undefined) as T },
    stream: (purpose) => seeds.stream("R_R", "setup", purpose),
    compat: "none",
    warn: (w) => warnings.push(w),
  });
}

/** The law written out directly from positions r: p = min(1, rate · r^−η / mean(r^−η)). */
function exactLaw(positions: readonly number[], rate: number, eta: number): number[] {
  const w = positions.map((r) => r ** -eta);
  const mean = w.reduce((a, b) => a + b, 0) / w.length;
  return w.map((x) => Math.min(1, (rate * x) / mean));
}

test("list positions: decreasing score, ties in movie order (worked by hand)", () => {
  // scores 3, 5, 5, 1: movies 1 and 2 tie at the top (1 first), then movie 0, then movie 3.
  assert.deepEqual([...listPositions(Float64Array.from([3, 5, 5, 1]))], [3, 1, 2, 4]);
  // A constant score (uniform-exposure): the list is the movie order.
  assert.deepEqual([...listPositions(new Float64Array(4).fill(2))], [1, 2, 3, 4]);
});

test("position-missingness: P(R_R = 1 | m) = rate · r_m^−η / mean(r^−η), the recorded propensity, over many users", () => {
  const movies = 50;
  // The popularity recommender's score |M| − m: movie m is shown at position m + 1.
  const score = Float64Array.from({ length: movies }, (_, m) => movies - m);
  const k = kernel(score, { rate: 0.05, eta: 1 });
  const p = k.truth!["propensity"] as Float64Array;
  const exact = exactLaw(Array.from({ length: movies }, (_, m) => m + 1), 0.05, 1);
  const n = 100_000;
  const hits = new Float64Array(movies);
  const seeds = new SeedTree(8).family("R_R", "user");
  for (let u = 0; u < n; u++) {
    const row = k.forUser!({ user: u, parents: { get: <T>() => undefined as T }, rng: seeds.stream(u), emit: () => {} }) as Uint8Array;
    for (let m = 0; m < movies; m++) hits[m]! += row[m]!;
  }
  for (let m = 0; m < movies; m++) {
    assert.ok(Math.abs(p[m]! - exact[m]!) < 1e-15, `movie ${m}: propensity ${p[m]} vs ${exact[m]}`);
    const tol = 5 * Math.sqrt((exact[m]! * (1 - exact[m]!)) / n);
    assert.ok(Math.abs(hits[m]! / n - exact[m]!) <= tol, `movie ${m}: frequency ${hits[m]! / n} vs exact ${exact[m]} (tolerance ${tol})`);
  }
  // The bias is real: the top position is rated 1/mean(1/r) ≈ 11 times the mean rate (H_50/50 ≈ 0.09).
  assert.ok(exact[0]! / 0.05 > 10);
});

test("position-missingness: η = 0 is MCAR at the rate; clipping at 1 is reported", () => {
  const score = Float64Array.from([4, 3, 2, 1]);
  const flat = kernel(score, { rate: 0.3, eta: 0 }).truth!["propensity"] as Float64Array;
  for (const x of flat) assert.ok(Math.abs(x - 0.3) < 1e-15);
  const warnings: string[] = [];
  const steep = kernel(score, { rate: 0.5, eta: 2 }, warnings).truth!["propensity"] as Float64Array;
  // r^−2 = 1, 1/4, 1/9, 1/16 (mean 0.3524): 0.5/0.3524 > 1 is clipped, the rest as the law says.
  assert.deepEqual([...steep], exactLaw([1, 2, 3, 4], 0.5, 2));
  assert.equal(steep[0], 1);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /node 'R_R': rate 0\.5 with eta 2 pushes P\(observed\) above 1 for the top 1 of 4 positions/);
});

test("--do R_R=position and the ctar-position variant install it on R_R, keeping R_R's rate", () => {
  const registry = builtinRegistry();
  const g = ctarGraph(parseCtarConfig({ ratingMissingness: { rate: 0.03 } }));
  const iv = parseIntervention("R_R=position", g, registry);
  assert.deepEqual(iv.mechanism, { kind: "position-missingness" });
  const rr = applyInterventions(g, [iv], registry).nodes.find((n) => n.name === "R_R")!;
  // rate carries over from popularity-missingness; temperature and bias have no counterpart.
  assert.deepEqual(rr.mechanism, { kind: "position-missingness", params: { rate: 0.03 } });
  assert.deepEqual(rr.parents, ["RecSys"]);
  assert.deepEqual(parseIntervention("R_R=position:0.05", g, registry).mechanism, { kind: "position-missingness", params: { rate: 0.05 } });
  const v = ctarVariant("ctar-position", g, registry);
  assert.equal(v.name, "ctar-position");
  assert.deepEqual(v.nodes.find((n) => n.name === "R_R")!.mechanism, { kind: "position-missingness", params: { rate: 0.03 } });
  // Every other node is the CTAR graph's.
  assert.deepEqual(
    v.nodes.filter((n) => n.name !== "R_R"),
    g.nodes.filter((n) => n.name !== "R_R"),
  );
});

test("ctar graph show --preset ctar-position runs with --graph, as --do R_R=position does, with the closed-form propensity recorded", () => {
  const root = tempDir();
  const shown = ctar(["graph", "show", "--preset", "ctar-position"]);
  assert.equal(shown.status, 0, shown.stderr);
  assert.match(shown.stdout, /kind: position-missingness/);
  const file = join(root, "position.yaml");
  writeFileSync(file, shown.stdout);
  const small = ["--users", "150", "--movies", "300", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60", "--seed", "4", "--quiet"];
  const byGraph = join(root, "graph");
  const byDo = join(root, "do");
  for (const [out, extra] of [[byGraph, ["--graph", file]], [byDo, ["--do", "R_R=position"]]] as const) {
    const r = ctar(["generate", "--out", out, ...small, ...extra]);
    assert.equal(r.status, 0, r.stderr);
  }
  const read = (d: string, f: string) => readFileSync(join(d, f), "utf8");
  for (const f of ["train/rating.csv", "train/obstag.csv", "truth/movie.csv"]) assert.equal(read(byGraph, f), read(byDo, f), f);
  const propensity = read(byGraph, "truth/movie.csv").trim().split("\n").slice(1).map((l) => Number(l.split(",")[6]));
  const exact = exactLaw(Array.from({ length: 300 }, (_, m) => m + 1), 0.02, 1);
  propensity.forEach((p, m) => assert.ok(Math.abs(p - exact[m]!) < 1e-15, `movie ${m}: ${p} vs ${exact[m]}`));
});
