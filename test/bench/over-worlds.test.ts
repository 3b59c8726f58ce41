/**
 * The summary over worlds (src/bench/over-worlds.ts) on hand cases whose figures are worked out
 * here: the mean and sd over worlds of the per-world means, and the run-to-run sd pooled over the
 * worlds, √(Σ_w Σ_r (x_wr − x̄_w)² / Σ_w (n_w − 1)).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultSweepMetric, overWorldsCsv, overWorldsFigure, parseRunsCsv, summariseOverWorlds } from "../../src/bench/over-worlds.js";

test("two worlds of two runs: means 2 and 6 → 4 ± √8, pooled run sd √2", () => {
  const f = overWorldsFigure([[1, 3], [5, 7]])!;
  assert.equal(f.mean, 4);
  assert.equal(f.sd, Math.sqrt(8));
  assert.equal(f.runSd, Math.sqrt(2));
  assert.equal(f.worlds, 2);
});

test("unequal runs: the pooled sd weighs each world by its degrees of freedom", () => {
  // world A: 1, 2, 3 (mean 2, Σ(x − x̄)² = 2, 2 df); world B: 10, 14 (mean 12, Σ = 8, 1 df)
  const f = overWorldsFigure([[1, 2, 3], [10, 14]])!;
  assert.equal(f.mean, 7);
  assert.equal(f.sd, Math.sqrt(50));
  assert.equal(f.runSd, Math.sqrt(10 / 3));
});

test("one run per world: no run sd; one world: no world sd; no values: null", () => {
  assert.deepEqual(overWorldsFigure([[2], [4]]), { mean: 3, sd: Math.sqrt(2), runSd: null, worlds: 2 });
  assert.deepEqual(overWorldsFigure([[2, 4]]), { mean: 3, sd: null, runSd: Math.sqrt(2), worlds: 1 });
  assert.equal(overWorldsFigure([[], []]), null);
});

test("runs CSV parsed; a model or metric a world lacks is left out of that figure only", () => {
  const a = parseRunsCsv("model,run,I_mse,II_auc\nmf,0,1,\nmf,1,3,0.5\nips,0,2,0.7\n");
  assert.deepEqual(a, { metrics: ["I_mse", "II_auc"], models: [{ name: "mf", runs: [[1, null], [3, 0.5]] }, { name: "ips", runs: [[2, 0.7]] }] });
  const b = parseRunsCsv("estimator,run,I_mse,pop\nmf,0,5,0.25\nmf,1,7,0.75\n");
  const r = summariseOverWorlds([{ folder: "a", seed: 1, table: a }, { folder: "b", seed: 2, table: b }]);
  assert.deepEqual(r.metrics, ["I_mse", "II_auc", "pop"]);
  assert.deepEqual(r.models, ["mf", "ips"]);
  const mf = r.overall[0]!.figures;
  assert.deepEqual(mf["I_mse"], { mean: 4, sd: Math.sqrt(8), runSd: Math.sqrt(2), worlds: 2 });
  assert.deepEqual(mf["II_auc"], { mean: 0.5, sd: null, runSd: null, worlds: 1 });
  assert.deepEqual(mf["pop"], { mean: 0.5, sd: null, runSd: Math.sqrt(0.125), worlds: 1 });
  assert.deepEqual(r.overall[1]!.figures["I_mse"], { mean: 2, sd: null, runSd: null, worlds: 1 });
  assert.equal(r.worlds[1]!.models[1]!.figures["I_mse"], null, "ips did not run in world b");
  assert.deepEqual(r.worlds[0]!.models[0]!.figures["I_mse"], { mean: 2, runSd: Math.sqrt(2), runs: 2 });
  assert.equal(
    overWorldsCsv([{ folder: "a", table: a }, { folder: "b", table: b }], r.metrics),
    "world,model,run,I_mse,II_auc,pop\na,mf,0,1,,\na,mf,1,3,0.5,\na,ips,0,2,0.7,\nb,mf,0,5,,0.25\nb,mf,1,7,,0.75\n",
  );
});

test("a sweep's default metric: the first population metric, else the first", () => {
  assert.equal(defaultSweepMetric(["I_mse", "population_mse", "population_auc"]), "population_mse");
  assert.equal(defaultSweepMetric(["mse", "mae", "pop_risk", "gap"]), "pop_risk");
  assert.equal(defaultSweepMetric(["pehe", "auc", "popularity"]), "pehe");
});
