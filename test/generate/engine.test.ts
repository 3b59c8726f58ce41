import assert from "node:assert/strict";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { selectMovies } from "../../src/catalog/select-movies.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { ConfigError, GraphError } from "../../src/errors/errors.js";
import { runGraph } from "../../src/generate/engine.js";
import { generateDataset } from "../../src/generate/generate.js";
import type { MGraph } from "../../src/graph/mgraph.js";
import { topologicalOrder } from "../../src/graph/topological-order.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { peekingMissingness } from "../helpers/peeking-mechanism.js";

const small = parseCtarConfig({ users: 60, movies: 80, rct: { users: 5, moviesPerUser: 4 }, test2: { draws: 50, positives: 15 }, test3: { draws: 40, positives: 12 } });
const base = syntheticCatalog({ seed: 1 });

test("the topological order puts every parent before its child", () => {
  const g = ctarGraph(small);
  const order = topologicalOrder(g).map((n) => n.name);
  for (const n of g.nodes) for (const p of n.parents) assert.ok(order.indexOf(p) < order.indexOf(n.name), `${p} before ${n.name}`);
});

test("a cycle is refused and printed", () => {
  const g: MGraph = {
    name: "cyclic",
    nodes: [
      { name: "A", set: "V_o", plate: "movie", parents: ["B"], mechanism: { kind: "x" } },
      { name: "B", set: "V_o", plate: "movie", parents: ["A"], mechanism: { kind: "x" } },
    ],
  };
  assert.throws(() => topologicalOrder(g), (e: unknown) => e instanceof GraphError && /cycle: (A → B → A|B → A → B)/.test(e.message));
});

test("a mechanism that reads a non-parent is refused by the engine", () => {
  // R_R's mechanism peeks at R (the rating), which the graph says it does not depend on.
  const registry = builtinRegistry().register(peekingMissingness);
  const g = ctarGraph(small);
  const graph: MGraph = { ...g, nodes: g.nodes.map((n) => (n.name === "R_R" ? { ...n, mechanism: { kind: "peeking-missingness" } } : n)) };
  assert.throws(
    () => generateDataset(small, base, { graph, registry }),
    (e: unknown) => e instanceof GraphError && /node 'R_R'.*read 'R', which is not a parent of 'R_R'/.test(e.message),
  );
});

test("a user-plate value is not readable at setup, and plates must contain their parents' plates", () => {
  const g = ctarGraph(small);
  const bad: MGraph = { ...g, nodes: g.nodes.map((n) => (n.name === "Q" ? { ...n, parents: ["M", "U"] } : n)) };
  const catalog = selectMovies(base, small.movies);
  assert.throws(
    () => runGraph({ graph: bad, registry: builtinRegistry(), dims: { users: 5, movies: small.movies }, catalog, seed: 1, compat: "none", emit: () => {}, warn: () => {} }),
    (e: unknown) => e instanceof GraphError && /plate movie.*cannot have parent 'U'/.test(e.message),
  );
});

test("unknown mechanisms and bad parameters are named", () => {
  const g = ctarGraph(small);
  const unknown: MGraph = { ...g, nodes: g.nodes.map((n) => (n.name === "Q" ? { ...n, mechanism: { kind: "nope" } } : n)) };
  assert.throws(() => generateDataset(small, base, { graph: unknown }), (e: unknown) => e instanceof GraphError && /node 'Q': unknown mechanism 'nope'/.test(e.message));
  const badParam: MGraph = { ...g, nodes: g.nodes.map((n) => (n.name === "Q" ? { ...n, mechanism: { kind: "quality", params: { sigma: -1 } } } : n)) };
  assert.throws(() => generateDataset(small, base, { graph: badParam }), (e: unknown) => e instanceof ConfigError && /node 'Q'.*sigma/.test(e.message));
});

test("generating a range of users alone gives the same rows as the full run", () => {
  const catalog = selectMovies(base, small.movies);
  const rows = (range?: [number, number]) => {
    const out: string[] = [];
    runGraph({
      graph: ctarGraph(small),
      registry: builtinRegistry(),
      dims: { users: small.users, movies: small.movies },
      catalog,
      seed: 5,
      compat: "none",
      emit: (t, a, b, c) => out.push(`${t},${a},${b},${c}`),
      warn: () => {},
      ...(range ? { userRange: range } : {}),
    });
    return out;
  };
  const all = rows();
  const part = rows([20, 40]);
  assert.ok(part.length > 0);
  assert.deepEqual(part, all.filter((r) => {
    const u = Number(r.split(",")[1]);
    return u >= 20 && u < 40;
  }));
});
