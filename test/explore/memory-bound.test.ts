/**
 * The browser page's memory bound (src/explore/memory-bound.ts) is an upper bound: datasets
 * generated in memory — the defaults and settings that observe far more pairs and tags — are
 * never larger than it; a size beyond the tab's budget is refused naming the figures.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { datasetInMemory } from "../../src/explore/dataset-in-memory.js";
import { pageRun } from "../../src/explore/page-run.js";
import { datasetBytesBound, generationBytesBound, sizeRefusal, tabBudget } from "../../src/explore/memory-bound.js";

const sha256 = async (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const PRESET = { interventions: [], truth: "basic", format: "csv" } as const;

test("no dataset is larger than its bound, even when most pairs are observed", async () => {
  const base = syntheticCatalog({ seed: 2202 });
  for (const input of [
    { users: 200, movies: 100, seed: 7 },
    { users: 150, movies: 60, seed: 1, ratingMissingness: { rate: 0.9 }, obsTag: { rate: 0.9, keepRate: 1 }, tagsPerMovie: 20 },
    { users: 50, movies: 30, seed: 2, rct: { users: 50, moviesPerUser: 30 }, ratingMissingness: { rate: 0.99 }, obsTag: { rate: 0.99, keepRate: 1 } },
  ]) {
    const config = parseCtarConfig(JSON.parse(JSON.stringify(input)));
    const d = await datasetInMemory(config, await pageRun(config, PRESET, sha256), { date: "2026-01-29", sha256 });
    const size = [...d.files.values()].reduce((n, b) => n + b.length, 0);
    const bound = datasetBytesBound(config, selectMovies(base, config.movies));
    assert.ok(size <= bound, `${JSON.stringify(input)}: ${size} bytes, bound ${bound}`);
    assert.equal(generationBytesBound(config, selectMovies(base, config.movies)), 3 * bound);
  }
});

test("the budget is half the device's memory, 2 GiB when unknown, at most 4 GiB", () => {
  assert.equal(tabBudget(undefined), 2 * 2 ** 30);
  assert.equal(tabBudget(2), 2 ** 30);
  assert.equal(tabBudget(16), 4 * 2 ** 30);
});

test("a size beyond the budget is refused with the figures, a small one is not", () => {
  const base = syntheticCatalog({ seed: 2202 });
  const big = parseCtarConfig({ users: 1_000_000, movies: 1000 });
  const message = sizeRefusal(big, selectMovies(base, 1000), tabBudget(8));
  assert.match(message ?? "", /^1000000 users × 1000 movies: up to [\d,]+ MiB in this tab, above its 4,096 MiB \(use fewer users or movies, or `ctar generate`, which streams to files\)$/);
  const small = parseCtarConfig({ users: 200, movies: 100 });
  assert.equal(sizeRefusal(small, selectMovies(base, 100), tabBudget(8)), undefined);
});
