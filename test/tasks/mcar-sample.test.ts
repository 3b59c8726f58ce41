/**
 * The uniform (MCAR) sample of the ratings task estimates the population without bias: over many
 * split seeds, the mean test MSE of a fixed predictor equals its exact population risk within
 * k = 4 standard errors (σ from the seeds' own spread, /√N). This checks together the sample (users
 * and movies uniform, ratings the regenerated R), the closed-form moments and |TL| = |TM ∩ TU|.
 * The realised R differs from its law by the rating noise, averaged over all |U|·|M| pairs: far
 * below the tolerance. Also: the observed ratings the sample regenerates are checked exactly.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { datasetEngine, observedRatingsOf } from "../../src/generate/dataset-engine.js";
import { generateDataset } from "../../src/generate/generate.js";
import { buildRatingsData } from "../../src/tasks/ratings/build-ratings.js";
import { PopulationRisk } from "../../src/tasks/ratings/population-risk.js";
import { parseRatingsOptions } from "../../src/tasks/ratings/ratings-data.js";
import { sampledScores } from "../../src/tasks/ratings/ratings-metrics.js";
import type { WorldRun } from "../../src/tasks/world-run.js";

const N = 30;
const K = 4;

test("over split seeds, the MCAR test MSE of a fixed predictor averages to the exact population risk", () => {
  const config = parseCtarConfig({ users: 150, movies: 120, rct: { users: 10 }, test2: { draws: 100, positives: 30 }, test3: { draws: 100, positives: 30 }, seed: 11 });
  const d = generateDataset(config, syntheticCatalog({ movies: 300, seed: 2 }));
  const world: WorldRun = { config, engine: datasetEngine(d), observed: observedRatingsOf(d), ratingFile: "in memory", interventions: [], dispose: () => {} };
  // A fixed predictor that is neither constant nor good: the risk has a bias and a variance part.
  const yhat = (u: number, m: number) => 3 + ((u * 7 + m * 3) % 5) / 4;
  let risk: number | undefined;
  const mse: number[] = [];
  for (let s = 0; s < N; s++) {
    const data = buildRatingsData(world, parseRatingsOptions({ "split-seed": String(s), split: "1,1,98", "uniform-users": "1/2" }), {});
    if (risk === undefined) {
      assert.ok(!("reason" in data.population), "the preset has the closed form");
      risk = new PopulationRisk(data.population).risk((u, out) => out.forEach((_, m) => (out[m] = yhat(u, m))));
    }
    const t = data.test;
    const pred = Float64Array.from({ length: t.n }, (_, i) => yhat(t.user[i]!, t.tag[i]!));
    mse.push(sampledScores(t, pred).mse!);
  }
  const mean = mse.reduce((a, x) => a + x, 0) / N;
  const sd = Math.sqrt(mse.reduce((a, x) => a + (x - mean) ** 2, 0) / (N - 1));
  assert.ok(Math.abs(mean - risk!) <= (K * sd) / Math.sqrt(N), `mean test MSE ${mean} (sd ${sd} over ${N} seeds) vs population risk ${risk}`);
  assert.ok(sd > 0, "the seeds draw different samples");
});
