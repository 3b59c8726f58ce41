/** The library API, as a user's script would call it through its entry point (src/index.ts, the package main). */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { tempDir } from "./helpers/paths.js";

test("generate(config) and saveDataset through the package entry", async () => {
  const ctar = await import("../src/index.js");
  const d = ctar.generate({ users: 80, movies: 60, rct: { users: 8, moviesPerUser: 5 }, test2: { draws: 60, positives: 18 }, test3: { draws: 40, positives: 12 } });
  assert.ok(d.tables.rating.length > 0);
  assert.equal(d.tests.test2.user.length, 60);
  const out = join(tempDir(), "data");
  const files = await ctar.saveDataset(out, d);
  assert.equal(files["train/rating.csv"]?.rows, d.tables.rating.length);
  assert.ok(existsSync(join(out, "config.json")));
  assert.throws(() => ctar.generate({ users: 0 }), ctar.ConfigError);
});
