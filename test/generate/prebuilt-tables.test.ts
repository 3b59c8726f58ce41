import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { Engine, type EngineInput } from "../../src/generate/engine.js";
import type { PrebuiltTables } from "../../src/mechanisms/mechanism.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";

const config = parseCtarConfig({ users: 40, movies: 90, rct: { users: 5, moviesPerUser: 4 }, test2: { draws: 30, positives: 10 }, test3: { draws: 30, positives: 10 } });
const input: EngineInput = {
  graph: ctarGraph(config),
  registry: builtinRegistry(),
  dims: { users: config.users, movies: config.movies },
  catalog: selectMovies(syntheticCatalog({ seed: 3 }), config.movies),
  seed: 11,
  compat: "none",
  warn: () => {},
};

/** Every per-user value of users 0..39, copied. */
function allUsers(engine: Engine): string[] {
  const out: string[] = [];
  for (let u = 0; u < config.users; u++) {
    const rows: number[] = [];
    const values = engine.runUser(u, (_t, a, b, c) => rows.push(a, b, c));
    for (const [name, v] of values) out.push(`${u} ${name} ${ArrayBuffer.isView(v) ? Array.from(v as Float64Array).join(",") : JSON.stringify(v)}`);
    out.push(`${u} rows ${rows.join(",")}`);
  }
  return out;
}

test("an engine given another's kernel tables takes them and runs every user the same", () => {
  const main = new Engine(input);
  const tables = main.tables();
  const rating = tables.get("R")?.thresholds;
  assert.ok(rating instanceof Float64Array && rating.length > 0, "the rating hands over its thresholds");
  assert.ok(tables.get("R_O")?.selection instanceof Float64Array, "the selection missingness hands over its table");
  const worker = new Engine({ ...input, prebuilt: structuredClone(tables) });
  for (const [node, t] of worker.tables()) {
    for (const [name, table] of Object.entries(t)) assert.deepEqual(table, tables.get(node)![name], `${node}.${name}`);
  }
  // Taken, not recomputed: the worker's kernel holds the handed array itself.
  const handed: Map<string, PrebuiltTables> = new Map([["R", { thresholds: rating.slice() }]]);
  const taker = new Engine({ ...input, prebuilt: handed });
  assert.equal(taker.tables().get("R")!.thresholds, handed.get("R")!.thresholds);
  assert.deepEqual(allUsers(worker), allUsers(new Engine(input)));
});

test("a handed table of the wrong size is not taken", () => {
  const wrong = new Engine({ ...input, prebuilt: new Map<string, PrebuiltTables>([["R", { thresholds: new Float64Array(7) }], ["R_O", { selection: new Float64Array(3) }]]) });
  const own = new Engine(input).tables();
  assert.deepEqual(wrong.tables().get("R")!.thresholds, own.get("R")!.thresholds);
  assert.deepEqual(wrong.tables().get("R_O")!.selection, own.get("R_O")!.selection);
});

test("only Float64Array tables are handed over", () => {
  const engine = new Engine(input);
  const rating = engine.kernels.get("R") as { tables?: Record<string, unknown> };
  (rating as { tables: Record<string, unknown> }).tables = { ...rating.tables, f: () => 1, n: 3 };
  const tables = engine.tables();
  assert.deepEqual(Object.keys(tables.get("R")!), ["thresholds"]);
  assert.doesNotThrow(() => structuredClone(tables));
});
