/**
 * The test-set draws at any scale rest on three facts, each checked exhaustively on a small world
 * against the rows generated in memory: (1) observed-rating index i ↦ (user, movie) is a bijection
 * onto the observed ratings, so a uniform index is a uniform observed rating (Test II); (2) a
 * regenerated user's facts say "rated" exactly for the pairs in rating.csv, so Test III's rejection
 * leaves it uniform over the unrated pairs; (3) the pool sizes counted while generating equal the
 * candidate (user, tag) pairs enumerated by brute force from the definition.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { BlockRunner } from "../../src/generate/block.js";
import { generateDataset } from "../../src/generate/generate.js";
import { World } from "../../src/generate/world.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { userOfRating } from "../../src/testsets/test-two.js";
import { UserFactsSource, flagsOf, isRated } from "../../src/testsets/user-facts.js";
import { EXCLUDED, LIKED, RATED_TAG } from "../../src/testsets/user-labels.js";

for (const compat of ["none", "reference"] as const) {
  test(`draw pools and pair maps are exact (${compat})`, () => {
    const config = parseCtarConfig({ users: 120, movies: 60, seed: 4, compat, rct: { users: 10, moviesPerUser: 5 }, ratingMissingness: { rate: 0.1 }, obsTag: { rate: 0.05 }, test2: { draws: 50, positives: 15 }, test3: { draws: 50, positives: 15 } });
    const base = syntheticCatalog({ seed: 3 });
    const d = generateDataset(config, base);
    const world = new World({ config, catalog: selectMovies(base, config.movies), graph: ctarGraph(config), registry: builtinRegistry(), warn: () => {} });
    const block = new BlockRunner(world, false).run(0, config.users);
    const ratingStart = new Float64Array(config.users + 1);
    for (let u = 0; u < config.users; u++) ratingStart[u + 1] = ratingStart[u]! + block.ratingCounts[u]!;
    const r = d.tables.rating;
    assert.equal(ratingStart[config.users], r.length);
    const facts = new UserFactsSource(world);
    // (1) index → observed rating, for every index.
    for (let i = 0; i < r.length; i++) {
      const u = userOfRating(ratingStart, i);
      assert.equal(u, r.a[i]);
      assert.equal(facts.get(u).rated[i - ratingStart[u]!], r.b[i]);
    }
    // (2) rated ⇔ in rating.csv, for every pair.
    const rated = new Set<number>();
    for (let i = 0; i < r.length; i++) rated.add(r.a[i]! * config.movies + r.b[i]!);
    for (let u = 0; u < config.users; u++) for (let m = 0; m < config.movies; m++) assert.equal(isRated(facts.get(u), m), rated.has(u * config.movies + m));
    // (3) pools by brute force: (u, t) with t on a rated movie of u (II), or on movies only none of
    // which u rated (III), not in Test I, not a known training label; split by liked.
    const tm = d.movieTags;
    const known = new Set<number>();
    const T = world.tagCount;
    const key = (u: number, t: number) => u * T + t;
    for (const table of [d.tables.rcttag, d.tables.obstag]) {
      for (let i = 0; i < table.length; i++) {
        const u = table.a[i]!;
        const t = table.c[i]!;
        if (t >= 0) known.add(key(u, t));
        if (table === d.tables.rcttag || t < 0) for (let k = tm.start[table.b[i]!]!; k < tm.start[table.b[i]! + 1]!; k++) known.add(key(u, tm.tag[k]!));
      }
    }
    const dropped = new Set<number>();
    for (let i = 0; i < d.tables.dropped.length; i++) dropped.add(key(d.tables.dropped.a[i]!, d.tables.dropped.c[i]!));
    const pools = [0, 0, 0, 0];
    for (let u = 0; u < config.users; u++) {
      const liked = new Set(d.liked.tag.subarray(d.liked.start[u]!, d.liked.start[u + 1]!));
      const ratedTags = new Set<number>();
      for (let m = 0; m < config.movies; m++) if (rated.has(u * config.movies + m)) for (let k = tm.start[m]!; k < tm.start[m + 1]!; k++) ratedTags.add(tm.tag[k]!);
      const onMovies = new Set(tm.tag);
      for (const t of onMovies) {
        const f = flagsOf(facts.get(u), t);
        assert.equal((f & LIKED) !== 0, liked.has(t));
        assert.equal((f & RATED_TAG) !== 0, ratedTags.has(t));
        assert.equal((f & EXCLUDED) !== 0, known.has(key(u, t)) || dropped.has(key(u, t)));
        if (known.has(key(u, t)) || dropped.has(key(u, t))) continue;
        const at = ratedTags.has(t) ? 0 : 2;
        pools[at + (liked.has(t) ? 0 : 1)]!++;
      }
    }
    assert.deepEqual(block.pools, pools);
  });
}
