/**
 * Off-policy evaluation and the in-memory bench through the package entry (src/index.ts): the
 * value of a policy on a dataset in memory equals the value on the same dataset saved and opened
 * again (the recorded run regenerated), and `ctar ope` prints the same figures.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ctar as cli, tempDir } from "./helpers/paths.js";

test("evaluatePolicy on generate() equals evaluatePolicy on the saved folder and ctar ope", async () => {
  const ctar = await import("../src/index.js");
  const d = ctar.generate({ users: 90, movies: 70, seed: 21, rct: { users: 9, moviesPerUser: 5 }, test2: { draws: 60, positives: 18 }, test3: { draws: 40, positives: 12 }, ratingMissingness: { rate: 0.1 } });
  const { users, movies } = d.config;
  const policy = ctar.randomPolicy(users, movies, 8, 3);
  const inMemory = ctar.evaluatePolicy({ engine: ctar.datasetEngine(d), users, movies, policy, observed: ctar.observedRatingsOf(d) });
  assert.ok(inMemory.observedPairs > 0 && inMemory.exactPropensities);

  const dir = join(tempDir(), "d");
  await ctar.saveDataset(dir, d);
  const run = await ctar.openDatasetPolicyRun(dir);
  try {
    assert.deepEqual(ctar.evaluatePolicy({ engine: run.engine, users, movies, policy, observed: run.observed, source: run.ratingFile }), inMemory);
  } finally {
    run.dispose();
  }
  const r = cli(["ope", dir, "--policy", "random", "--k", "8", "--policy-seed", "3", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as Record<string, number>;
  assert.deepEqual([j["true_value"], j["naive"], j["ips"], j["snips"], j["observed_pairs"]], [inMemory.trueValue, inMemory.naive, inMemory.ips, inMemory.snips, inMemory.observedPairs]);

  // The same dataset feeds the bench without a CSV round trip.
  const b = ctar.benchDataset(d);
  assert.equal(b.users, users);
});
