import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { test } from "node:test";
import { runOne } from "../../src/bench/run-one.js";
import { loadBenchDataset } from "../../src/io/dataset/read-bench-dataset.js";
import { BUILTIN_MODELS } from "../../src/models/registry.js";
import { writeFixture } from "../bench/fixture.js";

test("each model: same (seed, run) → identical scores; another run index → different ones", () => {
  const dir = writeFixture({ truth: true });
  try {
    const d = loadBenchDataset(dir);
    for (const m of BUILTIN_MODELS) {
      const a = runOne(m, d, { seed: 1, run: 0, epochs: 30 });
      const b = runOne(m, d, { seed: 1, run: 0, epochs: 30 });
      const c = runOne(m, d, { seed: 1, run: 1, epochs: 30 });
      assert.deepEqual(a, b, m.name);
      assert.notDeepEqual(a, c, m.name);
      for (const s of Object.values(a)) assert.ok(s.mse !== null && Number.isFinite(s.mse), `${m.name}: finite MSE`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
