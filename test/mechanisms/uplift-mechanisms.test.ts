/**
 * The ctar-uplift world's mechanisms (docs/tasks-uplift.md#the-world-ctar-uplift): rank-treatment's
 * ranks worked by hand, its exact law P(Rec = 1 | r) = min(1, c · r^−p) without noise and, with
 * noise, the closed form for two movies; treatment-outcome's arms and its draws given Rec.
 * Frequencies over n users must lie within 5·sqrt(p(1 − p)/n) of the exact probability (a false
 * alarm below 1e-6 per check); fixed seeds. The ctar-uplift variant is the CTAR graph plus Rec and
 * Y, and its indicators keep the CTAR graph's missingness classes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { analyzeGraph } from "../../src/graph/analyze-graph.js";
import type { NodeSpec } from "../../src/graph/mgraph.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { UPLIFT_NODES } from "../../src/presets/ctar-uplift.js";
import { ctarVariant } from "../../src/scm/ctar-variants.js";
import type { NodeKernel } from "../../src/mechanisms/mechanism.js";
import { normalCdf } from "../../src/mechanisms/normal-cdf.js";
import { rankPropensities, rankTreatment, ranksOf } from "../../src/mechanisms/rank-treatment.js";
import { outcomeArms, treatmentOutcome } from "../../src/mechanisms/treatment-outcome.js";
import type { OutcomeRow, TreatmentRow } from "../../src/mechanisms/values.js";
import { SeedTree } from "../../src/rng/stream.js";

const REC: NodeSpec = { name: "Rec", set: "V_o", plate: "user-movie", parents: ["R"], mechanism: { kind: "rank-treatment" } };
const Y: NodeSpec = { name: "Y", set: "V_o", plate: "user-movie", parents: ["R", "Rec"], mechanism: { kind: "treatment-outcome" } };

function setup<P>(m: { setup: (ctx: any) => NodeKernel; params: { parse: (x: unknown) => P } }, node: NodeSpec, movies: number, params: Record<string, unknown>, warnings: string[] = []): NodeKernel {
  const seeds = new SeedTree(5);
  return m.setup({
    node,
    dims: { users: 1, movies },
    tags: { count: 1, popularity: new Float64Array([1]) },
    params: m.params.parse(params),
    parents: { get: () => undefined },
    stream: (purpose: string) => seeds.stream(node.name, "setup", purpose),
    compat: "none",
    warn: (w: string) => warnings.push(w),
  });
}

function within(freq: number, p: number, n: number, what: string): void {
  const tol = 5 * Math.sqrt((p * (1 - p)) / n) + 1e-12;
  assert.ok(Math.abs(freq - p) <= tol, `${what}: frequency ${freq} vs exact ${p} (tolerance ${tol})`);
}

test("ranks: decreasing score, ties in movie order (worked by hand); the propensity by rank and its clipping", () => {
  const rank = new Int32Array(4);
  ranksOf(Float64Array.from([3, 5, 5, 1]), new Int32Array(4), rank);
  assert.deepEqual([...rank], [3, 1, 2, 4]);
  const { byRank, clipped } = rankPropensities(4, 0.5, 0.5);
  [0.5, 0.5 / Math.SQRT2, 0.5 / Math.sqrt(3), 0.25].forEach((x, i) => assert.ok(Math.abs(byRank[i]! - x) < 1e-15, `rank ${i + 1}: ${byRank[i]} vs ${x}`));
  assert.equal(clipped, 0);
  // c = 3, p = 1: 3, 1.5, 1, 0.75 → the top 2 ranks exceed 1 (rank 3 is exactly 1, not clipped).
  assert.deepEqual([...rankPropensities(4, 3, 1).byRank], [1, 1, 1, 0.75]);
  assert.equal(rankPropensities(4, 3, 1).clipped, 2);
});

test("rank-treatment without noise: P(Rec = 1) = min(1, c · r^−p) by the relevance rank, recorded per pair and met by the draws", () => {
  const movies = 6;
  const r = Float64Array.from([2, 5, 1, 4, 3, 5]);
  // ranks: 5 (movie 1), 5 (movie 5), 4 (3), 3 (4), 2 (0), 1 (2)
  const rankOf = [5, 1, 6, 3, 4, 2];
  const k = setup(rankTreatment, REC, movies, { c: 0.8, p: 0.7, noise: 0 });
  const n = 100_000;
  const hits = new Float64Array(movies);
  const fam = new SeedTree(9).family("Rec", "user");
  let propensity: Float64Array | undefined;
  for (let u = 0; u < n; u++) {
    const v = k.forUser!({ user: u, parents: { get: <T>() => r as T }, rng: fam.stream(u), emit: () => {} }) as TreatmentRow;
    propensity = v.propensity;
    for (let m = 0; m < movies; m++) hits[m]! += v.treated[m]!;
  }
  for (let m = 0; m < movies; m++) {
    const exact = Math.min(1, 0.8 * rankOf[m]! ** -0.7);
    assert.equal(propensity![m], exact, `movie ${m}`);
    within(hits[m]! / n, exact, n, `movie ${m}`);
  }
});

test("rank-treatment with noise: two movies, P(movie 0 ranks first) = 1 − Φ((R_1 − R_0)/(σ√2)), and Rec follows the rank drawn", () => {
  const r = Float64Array.from([1, 2]);
  const sigma = 1.5;
  const k = setup(rankTreatment, REC, 2, { c: 0.9, p: 2, noise: sigma });
  const n = 200_000;
  const fam = new SeedTree(10).family("Rec", "user");
  let first0 = 0;
  let rec0 = 0;
  for (let u = 0; u < n; u++) {
    const v = k.forUser!({ user: u, parents: { get: <T>() => r as T }, rng: fam.stream(u), emit: () => {} }) as TreatmentRow;
    // rank 1 has propensity 0.9, rank 2 has 0.9/4: the recorded propensity says which rank movie 0 took.
    if (v.propensity[0] === 0.9) first0++;
    rec0 += v.treated[0]!;
  }
  const pFirst = 1 - normalCdf(1 / (sigma * Math.SQRT2));
  within(first0 / n, pFirst, n, "P(movie 0 first)");
  within(rec0 / n, pFirst * 0.9 + (1 - pFirst) * 0.225, n, "P(Rec_0 = 1)");
});

test("rank-treatment: c above 1 is clipped and reported once; impossible c or p are refused by the schema", () => {
  const warnings: string[] = [];
  setup(rankTreatment, REC, 100, { c: 4, p: 1 }, warnings);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /node 'Rec': c 4 with p 1 pushes P\(Rec = 1\) above 1 for the top 3 of 100 ranks; clipped to 1/);
  assert.equal(rankTreatment.params.safeParse({ c: 0 }).success, false);
  assert.equal(rankTreatment.params.safeParse({ p: -0.5 }).success, false);
  assert.equal(rankTreatment.params.safeParse({ noise: -1 }).success, false);
  assert.equal(treatmentOutcome.params.safeParse({ treated: 1.2 }).success, false);
  assert.equal(treatmentOutcome.params.safeParse({ min: 5, max: 5 }).success, false);
});

test("treatment-outcome: both arms as the law says, and Y drawn from the arm Rec selects", () => {
  const o = treatmentOutcome.params.parse({});
  const tau = [1, 2, 3, 4, 5].map((x) => outcomeArms(o, x)).map((a) => a.treated - a.control);
  const expected = [0, 0.6 * 0.25 - 0.4 * 0.25 ** 4, 0.6 * 0.5 - 0.4 * 0.5 ** 4, 0.6 * 0.75 - 0.4 * 0.75 ** 4, 0.2];
  tau.forEach((t, i) => assert.ok(Math.abs(t - expected[i]!) < 1e-15, `rating ${i + 1}: ${t}`));
  // Rating 4 has the largest effect, rating 5 (watched anyway) less than rating 3.
  assert.ok(tau[3]! > tau[2]! && tau[2]! > tau[4]!);
  const movies = 10;
  const r = Float64Array.from({ length: movies }, (_, m) => 1 + (m % 5));
  const treated = Uint8Array.from({ length: movies }, (_, m) => (m < 5 ? 1 : 0));
  const rec: TreatmentRow = { treated, propensity: new Float64Array(movies).fill(0.5) };
  const k = setup(treatmentOutcome, Y, movies, {});
  const n = 100_000;
  const hits = new Float64Array(movies);
  const fam = new SeedTree(11).family("Y", "user");
  let last: OutcomeRow | undefined;
  for (let u = 0; u < n; u++) {
    last = k.forUser!({ user: u, parents: { get: <T>(name: string) => (name === "R" ? r : rec) as T }, rng: fam.stream(u), emit: () => {} }) as OutcomeRow;
    for (let m = 0; m < movies; m++) hits[m]! += last.outcome[m]!;
  }
  for (let m = 0; m < movies; m++) {
    const arms = outcomeArms(o, r[m]!);
    assert.equal(last!.control[m], arms.control);
    assert.equal(last!.treated[m], arms.treated);
    within(hits[m]! / n, treated[m] === 1 ? arms.treated : arms.control, n, `movie ${m}`);
  }
});

test("the ctar-uplift variant: the CTAR graph plus Rec and Y, its indicators in the CTAR graph's classes", () => {
  const g = ctarGraph(parseCtarConfig({}));
  const v = ctarVariant("ctar-uplift", g);
  assert.equal(v.name, "ctar-uplift");
  assert.deepEqual(v.nodes, [...g.nodes, ...UPLIFT_NODES]);
  const classes = (x: typeof g) => analyzeGraph(x).classification.indicators.map((i) => [i.indicator, i.class]);
  assert.deepEqual(classes(v), classes(g));
  assert.deepEqual(classes(v), [["R_R", "MAR"], ["R_RCT", "MCAR"], ["R_O", "MNAR"]]);
});
