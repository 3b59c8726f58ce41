/**
 * The bench on a dataset in memory (benchDataset(generate(…))) is the bench on the same dataset
 * written by saveDataset and read back by loadBenchDataset: the same typed data, the same scores.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { benchDataset } from "../../src/bench/from-dataset.js";
import { runBench } from "../../src/bench/run-bench.js";
import { generate, saveDataset } from "../../src/io/run/generate.js";
import { loadBenchDataset } from "../../src/io/dataset/read-bench-dataset.js";
import { BUILTIN_MODELS } from "../../src/models/registry.js";
import { tempDir } from "../helpers/paths.js";

const CONFIG = { users: 300, movies: 150, seed: 12, rct: { users: 30 }, test2: { draws: 300, positives: 90 }, test3: { draws: 300, positives: 90 } };

test("benchDataset of an in-memory dataset equals loadBenchDataset of it written and read back", async () => {
  const d = generate(CONFIG);
  const dir = join(tempDir(), "d");
  await saveDataset(dir, d);
  const inMemory = benchDataset(d);
  const readBack = loadBenchDataset(dir);
  assert.ok(inMemory.labels.obs.n > 0 && inMemory.labels.rct.n > 0 && inMemory.tests.II.n > 0, "a dataset with labels and tests");
  assert.ok(inMemory.truth !== undefined && inMemory.truth.n === CONFIG.users * inMemory.catalogTags.length);
  assert.deepEqual(inMemory, readBack);

  const models = BUILTIN_MODELS.filter((m) => m.name === "mf" || m.name === "mf-ips");
  assert.equal(models.length, 2);
  const config = { models, runs: 1, seed: 5, epochs: 2, workers: 1 };
  assert.deepEqual(await runBench(inMemory, config), await runBench(readBack, config));
});
