/** A replicates bench's page (src/report/worlds-report.ts): it takes the bench of those very worlds, and draws every world's figure. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../src/errors/errors.js";
import { worldsBenchOf, worldsStripSpec } from "../../src/report/worlds-report.js";

const fig = (mean: number) => ({ mean, runSd: null, runs: 1 });
const bench = {
  kind: "bench-replicates",
  task: "ope",
  settings: { models: "a/ips-oracle", runs: 1 },
  metrics: [{ key: "rel_ee", header: "relative error" }, { key: "sq_err", header: "squared error" }],
  models: ["a/ips-oracle"],
  worlds: [
    { folder: "seed-1", seed: 1, models: [{ name: "a/ips-oracle", figures: { rel_ee: fig(0.1), sq_err: fig(0.2) } }] },
    { folder: "seed-2", seed: 2, models: [{ name: "a/ips-oracle", figures: { rel_ee: fig(0.3), sq_err: null } }] },
  ],
  overWorlds: [{ name: "a/ips-oracle", figures: { rel_ee: { mean: 0.2, sd: 0.1414, worlds: 2 }, sq_err: { mean: 0.2, sd: null, worlds: 1 } } }],
};
const worlds = [{ folder: "seed-1", seed: 1 }, { folder: "seed-2", seed: 2 }];

test("the task's first metric by default; a dot per world that has the figure", () => {
  const b = worldsBenchOf(bench, "b/bench.json", worlds, undefined);
  assert.equal(b.metric, "rel_ee");
  assert.deepEqual(b.points, [{ seed: 1, model: "a/ips-oracle", value: 0.1 }, { seed: 2, model: "a/ips-oracle", value: 0.3 }]);
  assert.deepEqual(worldsBenchOf(bench, "b/bench.json", worlds, "sq_err").points, [{ seed: 1, model: "a/ips-oracle", value: 0.2 }]);
  const spec = worldsStripSpec(b) as { layer: { data: { values: unknown[] } }[] };
  assert.equal(spec.layer[0]!.data.values.length, 2);
});

test("another folder's bench, a sweep's bench or an unknown metric: an InputError naming the file", () => {
  assert.throws(() => worldsBenchOf(bench, "b/bench.json", [{ folder: "seed-1", seed: 1 }, { folder: "seed-3", seed: 3 }], undefined), (e: unknown) => e instanceof InputError && /b\/bench\.json: a bench of other worlds \(seeds 1, 2; this folder: 1, 3\)/.test(e.message));
  assert.throws(() => worldsBenchOf({ ...bench, kind: "bench-sweep" }, "b/bench.json", worlds, undefined), /not the bench of a replicates folder/);
  assert.throws(() => worldsBenchOf(bench, "b/bench.json", worlds, "auc"), /--metric: unknown metric 'auc'/);
});
