/**
 * Worker threads and shards change nothing in the files: `--workers 1, 2, 3, 7` give the same bytes
 * for the preset, `--compat reference`, `--truth full`, an intervention and a graph file with user
 * modules (which every worker imports); shards 1, 2 and 5 merged in any order give the one-machine
 * dataset; a missing, duplicated or foreign part is refused naming it; a mechanism that throws
 * inside a worker stops the run naming the node, the module and the user, leaving nothing behind.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO, ctarAsync, inBatches, sameFiles, tempDir } from "../helpers/paths.js";

// 200 movies: blocks of 1,310 users, so 3,000 users are three blocks (the last one short).
const WORLD = ["--users", "3000", "--movies", "200", "--seed", "21", "--quiet", "--test2-draws", "1000", "--test2-positives", "300", "--test3-draws", "800", "--test3-positives", "240"];
const VARIANTS: Record<string, string[]> = {
  preset: [],
  reference: ["--compat", "reference"],
  "truth-full": ["--truth", "full", "--format", "both"],
  do: ["--do", "R_O=uniform:0.01"],
  graph: ["--graph", join(REPO, "examples/user-activity/graph.yaml")],
};

test("--workers 1, 2, 3, 7 write the same bytes (preset, reference, truth full, --do, --graph with modules)", async () => {
  const root = tempDir();
  const jobs: Array<() => Promise<void>> = [];
  for (const [name, extra] of Object.entries(VARIANTS)) {
    for (const w of [1, 2, 3, 7]) {
      jobs.push(async () => {
        const r = await ctarAsync(["generate", "--out", join(root, `${name}-${w}`), "--workers", String(w), ...WORLD, ...extra]);
        assert.equal(r.status, 0, `${name} with ${w} workers: ${r.stderr}`);
      });
    }
  }
  await inBatches(jobs, 2);
  for (const name of Object.keys(VARIANTS)) for (const w of [2, 3, 7]) sameFiles(join(root, `${name}-1`), join(root, `${name}-${w}`), `${name}, ${w} workers`);
});

test("shards 1, 2 and 5, merged in any order, are the one-machine dataset; bad sets of parts are refused", async () => {
  const root = tempDir();
  const args = [...WORLD, "--truth", "full"];
  const single = join(root, "single");
  assert.equal((await ctarAsync(["generate", "--out", single, ...args])).status, 0);
  for (const n of [1, 2, 5]) {
    const parts = Array.from({ length: n }, (_, i) => join(root, `p${n}-${i}`));
    const made = await inBatches(parts.map((p, i) => () => ctarAsync(["generate", "--out", p, "--shard", `${i}/${n}`, "--workers", "1", ...args])), 2);
    for (const r of made) assert.equal(r.status, 0, r.stderr);
    const merged = join(root, `merged-${n}`);
    const r = await ctarAsync(["merge", ...[...parts].reverse(), "--out", merged, "--quiet"]);
    assert.equal(r.status, 0, r.stderr);
    sameFiles(single, merged, `${n} shards merged`);
  }
  const p = (i: number) => join(root, `p5-${i}`);
  const refused = async (parts: string[], pattern: RegExp) => {
    const out = join(root, "refused");
    const r = await ctarAsync(["merge", ...parts, "--out", out]);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
    assert.ok(!existsSync(out), "nothing written");
  };
  await refused([p(0), p(1), p(2), p(4)], /shard 3 of 5 missing/);
  await refused([p(0), p(1), p(2), p(3), p(4), p(2)], /p5-2: shard 2\/5 is given twice/);
  const foreign = join(root, "foreign");
  assert.equal((await ctarAsync(["generate", "--out", foreign, "--shard", "3/5", ...args, "--seed", "22"])).status, 0);
  await refused([p(0), p(1), p(2), foreign, p(4)], /foreign: a part of another run than .* \(its seed differs\)/);
  await refused([p(0), p(1), join(root, "p2-0"), p(3), p(4)], /p2-0: shard 0\/2, but .* is of 5 shards/);
  await refused([p(0), root], /not a part/);
  assert.deepEqual(readdirSync(root).filter((f) => f.startsWith(".")), [], "no temporary folders left");
});

test("a mechanism that throws in a worker stops the run, names node, module and user, and leaves nothing", async () => {
  const root = tempDir();
  const module = join(root, "boom.mjs");
  writeFileSync(
    module,
    `export const boom = { kind: "boom", description: "fails at user 2000", plates: ["user-movie"],
  setup(ctx) { const row = new Uint8Array(ctx.dims.movies);
    return { forUser({ user }) { if (user === 2000) throw new Error("boom at a bad user"); return row; } }; } };\n`,
  );
  const graph = join(root, "graph.json");
  const preset = await ctarAsync(["graph", "show", "--preset", "ctar", "--format", "json"]);
  assert.equal(preset.status, 0, preset.stderr);
  const g = JSON.parse(preset.stdout) as { nodes: Array<{ name: string; parents: string[]; mechanism: { kind: string; params?: unknown } }>; modules?: string[] };
  const rr = g.nodes.find((n) => n.name === "R_R")!;
  rr.mechanism = { kind: "boom" };
  rr.parents = [];
  writeFileSync(graph, JSON.stringify({ ...g, modules: ["./boom.mjs"] }));
  const out = join(root, "out");
  const r = await ctarAsync(["generate", "--out", out, "--graph", graph, "--workers", "2", ...WORLD]);
  assert.equal(r.status, 4, r.stderr);
  assert.match(r.stderr, /^ctar: node 'R_R' \(mechanism 'boom' from .*boom\.mjs\), user 2000: boom at a bad user\n$/);
  assert.ok(!existsSync(out));
  assert.deepEqual(readdirSync(root).sort(), ["boom.mjs", "graph.json"], "no temporary folder left");
});
