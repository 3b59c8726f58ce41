import assert from "node:assert/strict";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { z } from "zod";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { ConfigError, GraphError, InputError } from "../../src/errors/errors.js";
import { generateDataset } from "../../src/generate/generate.js";
import { formatGraph } from "../../src/io/inputs/graph-file.js";
import { loadGraphRun } from "../../src/io/inputs/load-graph-run.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { mechanismsFromExports, toMechanism } from "../../src/scm/user-mechanism.js";
import { ctar, tempDir } from "../helpers/paths.js";

const noop = () => ({ forUser: () => 0 });

test("exports: mechanism-like objects are taken (named, default arrays), helpers ignored, bad ones named", () => {
  const a = { kind: "a", description: "A", plates: ["user"], setup: noop };
  const b = { kind: "b", description: "B", plates: ["movie"], params: z.object({ k: z.number().default(2) }), setup: noop };
  const ms = mechanismsFromExports({ a, helper: () => 1, PI: 3.14, default: [b, a] }, "m.mjs");
  assert.deepEqual(ms.map((m) => m.kind), ["a", "b"]);
  assert.throws(() => mechanismsFromExports({ x: { kind: "x", setup: noop, plates: ["user"] } }, "m.mjs"), (e: unknown) => e instanceof ConfigError && /m\.mjs: export 'x': kind 'x': 'description' must be a string/.test(e.message));
  assert.throws(() => toMechanism({ kind: "y", description: "", plates: ["plate"], setup: noop }, "m.mjs"), /'plates' must be a non-empty list of movie, user, user-movie/);
  assert.throws(() => toMechanism({ kind: "y", description: "", plates: ["user"], params: 3, setup: noop }, "m.mjs"), /'params' must be a zod schema or a function/);
});

test("params: a zod schema and a parse function both give defaults and messages in the engine's format", () => {
  const viaZod = toMechanism({ kind: "z", description: "", plates: ["user"], params: z.object({ s: z.number().min(0).default(1) }).strict(), setup: noop }, "m");
  assert.deepEqual(viaZod.params.parse({}), { s: 1 });
  const bad = viaZod.params.safeParse({ s: -1 });
  assert.equal(bad.success, false);
  assert.deepEqual(bad.error!.issues[0]!.path, ["s"]);
  const viaFn = toMechanism(
    {
      kind: "f",
      description: "",
      plates: ["user"],
      params: (raw: { s?: number }) => {
        if ((raw.s ?? 1) < 0) throw new Error("s must be ≥ 0");
        return { s: raw.s ?? 1 };
      },
      setup: noop,
    },
    "m",
  );
  assert.deepEqual(viaFn.params.parse({}), { s: 1 });
  assert.match(viaFn.params.safeParse({ s: -2 }).error!.issues[0]!.message, /s must be ≥ 0/);
  const none = toMechanism({ kind: "n", description: "", plates: ["user"], setup: noop }, "m");
  assert.deepEqual(none.params.parse(undefined), {});
});

test("loadGraphRun: the CTAR graph from `ctar graph show` runs exactly like the preset", async () => {
  const dir = tempDir("ctar-graph-run-");
  try {
    const show = ctar(["graph", "show", "--preset", "ctar", "--format", "yaml"]);
    assert.equal(show.status, 0, show.stderr);
    assert.match(show.stdout, /kind: popularity-missingness, params: \{ rate: 0\.02, temperature: 500, bias: null \}/);
    const file = join(dir, "ctar.yaml");
    writeFileSync(file, show.stdout);
    const run = await loadGraphRun(file);
    assert.deepEqual(run.modules, []);
    const config = parseCtarConfig({ users: 150, movies: 80, test2: { draws: 100, positives: 30 }, test3: { draws: 100, positives: 30 } });
    const base = syntheticCatalog({ seed: 2202 });
    const a = generateDataset(config, base);
    const b = generateDataset(config, base, { graph: run.graph, registry: run.registry });
    assert.deepEqual(run.graph, ctarGraph(parseCtarConfig({}))); // the printed preset carries the default parameters
    for (const t of ["rating", "obstag", "rcttag", "dropped"] as const) {
      assert.deepEqual([...b.tables[t].c.subarray(0, b.tables[t].length)], [...a.tables[t].c.subarray(0, a.tables[t].length)], t);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("loadGraphRun: errors name the file, the module and the kind", async () => {
  const dir = tempDir("ctar-graph-run-err-");
  try {
    const g = ctarGraph(parseCtarConfig({}));
    const write = (name: string, modules: string[], nodes = g.nodes) => {
      const file = join(dir, name);
      writeFileSync(file, formatGraph({ ...g, nodes }, "yaml", modules));
      return file;
    };
    await assert.rejects(loadGraphRun(write("a.yaml", ["./missing.mjs"])), (e: unknown) => e instanceof InputError && /a\.yaml: module .*missing\.mjs: no such file/.test(e.message));
    await assert.rejects(loadGraphRun(write("b.yaml", ["./bias.ts"])), (e: unknown) => e instanceof InputError && /must be JavaScript \(got '\.ts'/.test(e.message));
    writeFileSync(join(dir, "empty.mjs"), "export const x = 1;\n");
    await assert.rejects(loadGraphRun(write("c.yaml", ["./empty.mjs"])), (e: unknown) => e instanceof ConfigError && /empty\.mjs: exports no mechanism/.test(e.message));
    writeFileSync(join(dir, "clash.mjs"), 'export const r = { kind: "rating", description: "", plates: ["user-movie"], setup: () => ({}) };\n');
    await assert.rejects(loadGraphRun(write("d.yaml", ["./clash.mjs"])), (e: unknown) => e instanceof ConfigError && /kind 'rating' is already defined by ctar/.test(e.message));
    writeFileSync(join(dir, "broken.mjs"), "export const = ;\n");
    await assert.rejects(loadGraphRun(write("e.yaml", ["./broken.mjs"])), (e: unknown) => e instanceof InputError && /broken\.mjs: cannot import it/.test(e.message));
    const unknown = g.nodes.map((n) => (n.name === "R_R" ? { ...n, mechanism: { kind: "my-bias" } } : n));
    await assert.rejects(loadGraphRun(write("f.yaml", [], unknown)), (e: unknown) => e instanceof GraphError && /f\.yaml: graph 'ctar' is not valid:\n  - node 'R_R' has unknown mechanism kind 'my-bias'/.test(e.message));
    const badParam = g.nodes.map((n) => (n.name === "R_R" ? { ...n, mechanism: { kind: "popularity-missingness", params: { rate: 3 } } } : n));
    await assert.rejects(loadGraphRun(write("g.yaml", [], badParam)), (e: unknown) => e instanceof ConfigError && /g\.yaml: node 'R_R': parameter 'rate' of 'popularity-missingness'/.test(e.message));
    // TU renamed: the layout finds the liked tags by role (mechanism liked-tags), not by name.
    const renamed = g.nodes.map((n) => (n.name === "TU" ? { ...n, name: "Likes" } : { ...n, parents: n.parents.map((p) => (p === "TU" ? "Likes" : p)) }));
    await loadGraphRun(write("h.yaml", [], renamed));
    // No node plays the liked-tags role: a valid m-graph, but the writer has no test-set tags.
    const noTu = g.nodes.map((n) => (n.name === "TU" ? { ...n, mechanism: { kind: "user-index" } } : n));
    await assert.rejects(loadGraphRun(write("i.yaml", [], noTu)), (e: unknown) => e instanceof GraphError && /i\.yaml: graph 'ctar' cannot be written in the CTAR layout[\s\S]*a user-plate node with the tags each user likes/.test(e.message));
    // The analysis does not need the layout.
    await loadGraphRun(join(dir, "h.yaml"), { ctarLayout: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("declared facts: checked when exported, and a user value is checked against its declared shape", () => {
  const bad = (extra: Record<string, unknown>, pattern: RegExp) =>
    assert.throws(() => toMechanism({ kind: "k", description: "", plates: ["user"], setup: noop, ...extra }, "m.mjs"), (e: unknown) => e instanceof ConfigError && pattern.test(e.message));
  bad({ value: "matrix" }, /m\.mjs \(kind 'k'\)|kind 'k': 'value' must be one of user-index, /);
  bad({ role: "boss" }, /kind 'k': 'role' must be one of movie-tags, /);
  bad({ readsParents: "no" }, /kind 'k': 'readsParents' must be true or false/);
  bad({ alias: "uniform" }, /kind 'k': 'alias' needs a 'family'/);
  const m = toMechanism({ kind: "k", description: "", plates: ["user"], setup: noop, family: "f", alias: "a", mainParameter: "rate", readsParents: false, deterministic: true, value: "user-number" }, "m.mjs");
  assert.deepEqual([m.family, m.alias, m.mainParameter, m.readsParents, m.deterministic, m.value], ["f", "a", "rate", false, true, "user-number"]);

  const config = parseCtarConfig({ users: 20, movies: 40, rct: { users: 3, moviesPerUser: 2 }, test2: { draws: 10, positives: 3 }, test3: { draws: 10, positives: 3 } });
  const base = syntheticCatalog({ seed: 2202 });
  const run = (value: string | undefined, row: (user: number) => unknown) => {
    const mech = toMechanism({ kind: "odd-missingness", description: "", plates: ["user-movie"], ...(value === undefined ? {} : { value }), setup: () => ({ forUser: ({ user }: { user: number }) => row(user) }) }, "odd.mjs");
    const registry = builtinRegistry().register(mech, "odd.mjs");
    const graph = { ...ctarGraph(config), nodes: ctarGraph(config).nodes.map((n) => (n.name === "R_R" ? { ...n, mechanism: { kind: "odd-missingness" } } : n)) };
    return () => generateDataset(config, base, { graph, registry });
  };
  const fails = (f: () => unknown, pattern: RegExp) => assert.throws(f, (e: unknown) => e instanceof GraphError && pattern.test(e.message));
  // Wrong type or length: on any user (an O(1) check).
  fails(run("indicator-row", (u) => new Uint8Array(u === 7 ? 39 : 40)), /node 'R_R' \(mechanism 'odd-missingness' from odd\.mjs\), user 7: expected a Uint8Array indicator row over 40 movies, got Uint8Array\(39\) \(its declared value shape is 'indicator-row'\)/);
  fails(run("number-row", () => new Uint8Array(40)), /user 0: expected a Float64Array over 40 movies/);
  // Entries against the node's domain (R_R: an indicator): on every user (an O(|M|) pass), for a declared shape and for none.
  fails(run("indicator-row", () => new Uint8Array(40).fill(2)), /user 0: returned 2 for movie 0 \(expected a missingness indicator, 0 or 1\)/);
  fails(run(undefined, () => new Float64Array(40).fill(Number.NaN)), /user 0: returned NaN for movie 0 \(expected a missingness indicator, 0 or 1\)/);
  fails(run(undefined, () => new Uint8Array(12)), /user 0: returned a row of 12 values \(expected one per movie: 40\)/);
  // A well-shaped value runs.
  run("indicator-row", () => new Uint8Array(40))();
});
