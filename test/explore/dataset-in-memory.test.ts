/**
 * The browser page's dataset (src/explore/dataset-in-memory.ts) is `ctar generate`'s, byte for
 * byte: every file of the folder the CLI writes for the same users, movies and seed (and the same
 * date, through SOURCE_DATE_EPOCH) equals the file held in memory, and no file is missing or extra.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { datasetInMemory } from "../../src/explore/dataset-in-memory.js";
import { pageRun } from "../../src/explore/page-run.js";
import { listFiles } from "../helpers/list-files.js";
import { ctarAsync, tempDir } from "../helpers/paths.js";

const sha256 = async (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const PRESET = { interventions: [], truth: "basic", format: "csv" } as const;

for (const [users, movies, seed] of [
  [200, 100, 7],
  [1000, 300, 9527],
] as const) {
  test(`${users} users × ${movies} movies, seed ${seed}: the same files as ctar generate`, async () => {
    const root = tempDir("ctar-in-memory-");
    try {
      const out = join(root, "d");
      // 2026-01-29 00:00 UTC
      const r = await ctarAsync(["generate", "--out", out, "--quiet", "--users", String(users), "--movies", String(movies), "--seed", String(seed)], { env: { ...process.env, SOURCE_DATE_EPOCH: "1769644800" } });
      assert.equal(r.status, 0, r.stderr);
      let progress = 0;
      const config = parseCtarConfig({ users, movies, seed });
      const mem = await datasetInMemory(config, await pageRun(config, PRESET, sha256), { date: "2026-01-29", sha256, onProgress: (n) => (progress = n) });
      assert.equal(progress, users);
      assert.deepEqual([...mem.files.keys()].sort(), listFiles(out).sort());
      for (const [f, bytes] of mem.files) assert.ok(Buffer.from(bytes).equals(readFileSync(join(out, f))), `${f} differs`);
      assert.match(new TextDecoder().decode(mem.files.get("README.md")), /Card written on 2026-01-29\./);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}
