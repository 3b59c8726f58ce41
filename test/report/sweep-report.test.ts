/** A sweep's report takes the bench of that very sweep only (src/report/sweep-report.ts `sweepBenchOf`). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors/errors.js";
import { sweepBenchOf } from "../../src/report/sweep-report.js";

const fig = (mean: number, sd: number | null) => ({ mean, sd, runSd: 0.5, worlds: sd === null ? 1 : 2 });
const bench = {
  kind: "bench-sweep",
  task: "tags",
  parameter: "obs-temperature",
  metric: "population_mse",
  settings: { runs: 2 },
  metrics: [{ key: "population_mse", header: "pop. MSE" }],
  models: ["mf"],
  values: [
    { value: 50, folder: "obs-temperature=50", seeds: [1, 2], models: [{ name: "mf", figures: { population_mse: fig(0.2, 0.01) } }] },
    { value: 5, folder: "obs-temperature=5", seeds: [1, 2], models: [{ name: "mf", figures: { population_mse: fig(0.3, 0.02) } }] },
  ],
};
const worlds = [
  { folder: "obs-temperature=50", value: 50, seeds: [1, 2] },
  { folder: "obs-temperature=5", value: 5, seeds: [1, 2] },
];

test("the bench of this sweep: its points, the metric's header, the worlds per value", () => {
  const b = sweepBenchOf(bench, "b/bench.json", "obs-temperature", worlds);
  assert.equal(b.header, "pop. MSE");
  assert.equal(b.worldsPerValue, 2);
  assert.deepEqual(b.points, [
    { value: 50, model: "mf", mean: 0.2, sd: 0.01, runSd: 0.5 },
    { value: 5, model: "mf", mean: 0.3, sd: 0.02, runSd: 0.5 },
  ]);
});

test("a bench of another sweep (option, values, seeds) or not of a sweep is refused", () => {
  const refused = (doc: unknown, p = "obs-temperature", w: typeof worlds = worlds) => assert.throws(() => sweepBenchOf(doc, "b/bench.json", p, w), InputError);
  refused(bench, "rating-temperature");
  refused(bench, "obs-temperature", [worlds[0]!, { ...worlds[1]!, value: 6 }]);
  refused(bench, "obs-temperature", worlds.map((w) => ({ ...w, seeds: [1, 3] })));
  refused(bench, "obs-temperature", worlds.slice(0, 1));
  refused({ ...bench, kind: "bench-replicates" });
  refused(null);
});
