/**
 * Tests II and III drawn a batch ahead (testsets/lookahead.ts) with each batch's users regenerated
 * by a given function — as the worker threads do — give the same rows as the draws that regenerate
 * each user on the spot, and the batches name each user once, never one whose facts are at hand.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { BlockRunner } from "../../src/generate/block.js";
import { World } from "../../src/generate/world.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { SeedTree } from "../../src/rng/stream.js";
import { type TestSetInput, drawTestSets, drawTestSetsWith } from "../../src/testsets/build-test-sets.js";
import { UserFactsSource } from "../../src/testsets/user-facts.js";

for (const compat of ["none", "reference"] as const) {
  test(`batched draws, regenerated elsewhere, give the same Test II and III (${compat})`, async () => {
    const config = parseCtarConfig({ users: 400, movies: 60, seed: 11, compat, test2: { draws: 150, positives: 45 }, test3: { draws: 120, positives: 36 } });
    const catalog = selectMovies(syntheticCatalog({ seed: 5 }), config.movies);
    const graph = ctarGraph(config);
    const world = () => new World({ config, catalog, graph, registry: builtinRegistry(), warn: () => {} });
    const main = world();
    const block = new BlockRunner(main, false).run(0, config.users);
    const ratingStart = new Float64Array(config.users + 1);
    for (let u = 0; u < config.users; u++) ratingStart[u + 1] = ratingStart[u]! + block.ratingCounts[u]!;
    const input = (warnings: string[]): TestSetInput => {
      const seeds = new SeedTree(config.seed);
      return { world: main, ratingStart, pools: block.pools, test2: config.test2, test3: config.test3, rng2: seeds.stream("test-sets", "test2"), rng3: seeds.stream("test-sets", "test3"), warn: (m) => warnings.push(m) };
    };
    const w1: string[] = [];
    const inline = drawTestSets(input(w1));
    // "elsewhere": another world of the same inputs, as a worker holds
    const other = new UserFactsSource(world());
    const asked = new Set<number>();
    let batches = 0;
    const w2: string[] = [];
    const batched = await drawTestSetsWith(input(w2), async (users) => {
      batches++;
      assert.equal(new Set(users).size, users.length, "a batch names a user twice");
      for (const u of users) asked.add(u);
      return Array.from(users, (u) => other.regenerate(u));
    });
    for (const t of ["test2", "test3"] as const) {
      assert.deepEqual([...batched[t].user], [...inline[t].user], t);
      assert.deepEqual([...batched[t].tag], [...inline[t].tag], t);
      assert.deepEqual([...batched[t].label], [...inline[t].label], t);
    }
    assert.deepEqual(w2, w1);
    assert.ok(inline.test2.user.length > 0 && inline.test3.user.length > 0);
    assert.ok(batches >= 2, `${batches} batches`);
    // every user a row names was regenerated elsewhere, none on this thread
    for (const t of ["test2", "test3"] as const) for (const u of batched[t].user) assert.ok(asked.has(u), `user ${u} not asked for`);
    assert.equal(batched.regenerated, asked.size);
  });
}
