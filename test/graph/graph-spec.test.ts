import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { GraphError, InputError } from "../../src/errors/errors.js";
import { graphToSpec, parseGraphSpec } from "../../src/graph/graph-spec.js";
import { formatGraph, parseGraphText, readGraphFile, writeGraphFile } from "../../src/io/inputs/graph-file.js";
import { CTAR_STRUCTURE, buildCtarGraph } from "../../src/presets/ctar-graph.js";

const FIG2_YAML = `
name: figure-2
nodes:
  - { name: U, set: V_o, plate: user, mechanism: user-index }
  - { name: I, set: V_o, plate: movie, mechanism: { kind: catalog-movies } }
  - { name: Y, set: V_m, plate: user-movie, parents: [U], mechanism: { kind: rating, params: { mu: 0.7 } } }
  - { name: R_Y, set: R, plate: user-movie, mechanism: popularity-missingness }
  - { name: "Y*", set: "V*", plate: user-movie, deterministic: true, mechanism: rating-proxy, description: observed rating }
edges:
  - [I, Y]
  - "I -> R_Y"
  - "Y → Y*"
  - { from: R_Y, to: "Y*" }
`;

test("a YAML specification with every edge form normalises to parents per node", () => {
  const g = parseGraphText(FIG2_YAML, "fig2.yaml");
  assert.equal(g.name, "figure-2");
  assert.deepEqual(
    g.nodes.map((n) => [n.name, n.parents]),
    [["U", []], ["I", []], ["Y", ["U", "I"]], ["R_Y", ["I"]], ["Y*", ["Y", "R_Y"]]],
  );
  assert.deepEqual(g.nodes[0]!.mechanism, { kind: "user-index" });
  assert.deepEqual(g.nodes[2]!.mechanism, { kind: "rating", params: { mu: 0.7 } });
  assert.equal(g.nodes[4]!.deterministic, true);
  assert.equal(g.nodes[4]!.description, "observed rating");
  assert.equal("deterministic" in g.nodes[0]!, false);
});

test("the CTAR graph survives JSON and YAML round trips unchanged", () => {
  const g = buildCtarGraph({ Q: { sigma: 0.75 } });
  for (const format of ["json", "yaml"] as const) {
    const text = formatGraph(g, format);
    assert.deepEqual(parseGraphText(text, `ctar.${format}`), g);
    assert.equal(formatGraph(parseGraphText(text, `ctar.${format}`), format), text); // normalised: a fixed point
  }
  assert.deepEqual(parseGraphSpec(JSON.parse(JSON.stringify(graphToSpec(CTAR_STRUCTURE))), "x"), CTAR_STRUCTURE);
});

test("shape errors name the file and the path of every problem", () => {
  const bad = { name: "g", nodes: [{ name: "A", set: "V_x", plate: "user", mechanism: "k" }, { name: "", set: "N", plate: "galaxy", mechanism: { kind: "k", extra: 1 } }] };
  assert.throws(
    () => parseGraphSpec(bad, "bad.json"),
    (e: unknown) =>
      e instanceof GraphError &&
      e.message.startsWith("bad.json: not a valid graph specification:") &&
      /nodes\.0\.set/.test(e.message) &&
      /nodes\.1\.name: must be a non-empty name/.test(e.message) &&
      /nodes\.1\.plate/.test(e.message),
  );
  assert.throws(() => parseGraphSpec({ name: "g", nodes: [] }, "e.json"), /nodes: must list at least one node/);
  assert.throws(
    () => parseGraphSpec({ name: "g", nodes: [{ name: "A", set: "N", plate: "user", mechanism: "k" }], edges: ["A to B"] }, "e.json"),
    /edges\.0: must be written "FROM -> TO"/,
  );
  assert.throws(
    () => parseGraphSpec({ name: "g", nodes: [{ name: "A", set: "N", plate: "user", mechanism: "k" }], edges: ["A -> B"] }, "e.json"),
    /e\.json: edges\.0: edge A -> B points to unknown node 'B'/,
  );
  assert.throws(
    () => parseGraphSpec({ name: "g", nodes: [{ name: "A", set: "N", plate: "user", mechanism: "k" }, { name: "B", set: "N", plate: "user", parents: ["A"], mechanism: "k" }], edges: [["A", "B"]] }, "e.json"),
    /edge A -> B is listed twice/,
  );
});

test("graph files: read by extension, unreadable and unparsable files are InputErrors", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ctar-graph-"));
  try {
    const json = path.join(dir, "g.json");
    writeGraphFile(json, CTAR_STRUCTURE);
    assert.deepEqual(readGraphFile(json), CTAR_STRUCTURE);
    const yml = path.join(dir, "g.yml");
    writeGraphFile(yml, CTAR_STRUCTURE);
    assert.deepEqual(readGraphFile(yml), CTAR_STRUCTURE);
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    assert.throws(() => readGraphFile(broken), (e: unknown) => e instanceof InputError && /broken\.json:1:3: cannot parse as JSON/.test(e.message));
    assert.throws(() => readGraphFile(path.join(dir, "absent.yaml")), (e: unknown) => e instanceof InputError && /absent\.yaml: file not found/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
