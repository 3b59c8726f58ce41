/**
 * What the mechanisms declare (src/mechanisms/mechanism.ts) and what is found from it: every
 * built-in declares its value shape; the preset's deterministic flags are its mechanisms'; the
 * roles of the CTAR layout (src/mechanisms/roles.ts) follow the mechanisms and the proxies, not
 * the node names; and the one mechanism check (src/mechanisms/check-mechanism.ts) says the same
 * thing for a graph file, a `--do` and the engine.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { ConfigError, GraphError } from "../../src/errors/errors.js";
import type { MGraph } from "../../src/graph/mgraph.js";
import { checkMechanism } from "../../src/mechanisms/check-mechanism.js";
import { BUILTIN_MECHANISMS, builtinRegistry } from "../../src/mechanisms/registry.js";
import { ctarRoles, requireRoleNode, roleNode } from "../../src/mechanisms/roles.js";
import { FINITE, INDICATOR, VALUE_SHAPES, domainProblem, shapeProblem } from "../../src/mechanisms/values.js";
import { ctarGraph } from "../../src/presets/ctar.js";
import { applyInterventions, parseIntervention } from "../../src/scm/intervention.js";

const reg = builtinRegistry();
const ctar = ctarGraph(parseCtarConfig({}));

test("every built-in mechanism declares a value shape; the preset's deterministic flags are its mechanisms' facts", () => {
  for (const m of BUILTIN_MECHANISMS) assert.ok(m.value !== undefined && VALUE_SHAPES.includes(m.value) && m.value !== "any", m.kind);
  for (const n of ctar.nodes) assert.equal(n.deterministic === true, reg.get(n.mechanism.kind)!.deterministic === true, n.name);
});

test("the roles of the CTAR graph", () => {
  assert.deepEqual(ctarRoles(ctar, reg), {
    "movie-tags": "TM",
    "liked-tags": "TU",
    "tag-overlap": "TL",
    quality: "Q",
    rating: "R",
    "rating-missingness": "R_R",
    "obstag-missingness": "R_O",
    "survey-missingness": "R_RCT",
  });
});

test("roles follow renamed nodes and survive interventions; two nodes in one role are refused", () => {
  const names: Record<string, string> = { TM: "Tags", TU: "Likes", TL: "Overlap", Q: "Quality", R: "Rating", R_R: "Seen", R_O: "Tagged", R_RCT: "Asked" };
  const rename = (s: string) => names[s] ?? s;
  const renamed: MGraph = { name: "renamed", nodes: ctar.nodes.map((n) => ({ ...n, name: rename(n.name), parents: n.parents.map(rename) })) };
  assert.deepEqual(Object.values(ctarRoles(renamed, reg)), ["Tags", "Likes", "Overlap", "Quality", "Rating", "Seen", "Tagged", "Asked"]);
  // The rating missingness is whatever the rating proxy reads, whichever mechanism it has.
  const mcar = applyInterventions(renamed, [parseIntervention("Seen=uniform:0.1", renamed, reg)], reg);
  assert.equal(roleNode(mcar, reg, "rating-missingness"), "Seen");
  const two: MGraph = { name: "two", nodes: [...ctar.nodes, { ...ctar.nodes.find((n) => n.name === "Q")!, name: "Q2" }] };
  assert.throws(() => roleNode(two, reg, "quality"), (e: unknown) => e instanceof GraphError && /nodes 'Q', 'Q2' all play the role 'quality'/.test(e.message));
  const none: MGraph = { name: "none", nodes: ctar.nodes.filter((n) => n.name !== "R*") };
  assert.equal(roleNode(none, reg, "rating-missingness"), undefined);
  assert.throws(() => requireRoleNode(none, reg, "rating-missingness"), /no node plays the role 'rating-missingness' \(the missingness indicator, a parent of set R, of the proxy emitting the table 'rating'\)/);
});

test("one mechanism check: the same message wherever the node is checked, with the caller's place and class", () => {
  const q = ctar.nodes.find((n) => n.name === "Q")!;
  const badParam = { ...q, mechanism: { kind: "quality", params: { sigma: -1 } } };
  const wrongPlate = { ...q, mechanism: { kind: "uniform-missingness" } };
  const unknown = { ...q, mechanism: { kind: "nope" } };
  const message = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  for (const [where, cls] of [["g.yaml: node 'Q'", GraphError], ["--do Q=x", ConfigError]] as const) {
    const p = message(() => checkMechanism(badParam, reg, where, cls)) as Error;
    assert.ok(p instanceof ConfigError);
    assert.match(p.message, new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: parameter 'sigma' of 'quality': `));
    const w = message(() => checkMechanism(wrongPlate, reg, where, cls)) as Error;
    assert.ok(w instanceof cls);
    assert.ok(w.message.endsWith(": mechanism 'uniform-missingness' runs on plate user-movie, but node 'Q' is on plate movie"), w.message);
    const u = message(() => checkMechanism(unknown, reg, where, cls)) as Error;
    assert.ok(u instanceof cls);
    assert.match(u.message, /: unknown mechanism 'nope' \(known: .*; alias: popularity, position, uniform\)$/);
  }
  assert.deepEqual(checkMechanism(q, reg, "x").params, { sigma: 0.75 });
});

test("value shapes: the O(1) check looks at the type and the length, the content check at the entries", () => {
  assert.equal(shapeProblem("indicator-row", new Uint8Array(3), 3), undefined);
  assert.match(shapeProblem("indicator-row", new Uint8Array(2), 3)!, /expected a Uint8Array indicator row over 3 movies, got Uint8Array\(2\)/);
  assert.match(shapeProblem("number-row", new Uint8Array(3), 3)!, /expected a Float64Array over 3 movies/);
  assert.equal(shapeProblem("user-number", 2.5, 3), undefined);
  assert.match(shapeProblem("user-number", Number.NaN, 3)!, /expected a finite number/);
  assert.equal(shapeProblem("any", { anything: 1 }, 3), undefined);
  assert.match(shapeProblem("any", new Float64Array(2), 3)!, /a row of 2 values \(expected one per movie: 3\)/);
  assert.equal(shapeProblem("none", undefined, 3), undefined);
  assert.equal(domainProblem(Uint8Array.from([0, 1, 1]), INDICATOR), undefined);
  assert.match(domainProblem(Uint8Array.from([0, 2]), INDICATOR)!, /returned 2 for movie 1 \(expected a missingness indicator, 0 or 1\)/);
  assert.match(domainProblem(Float64Array.from([1, Number.POSITIVE_INFINITY]), FINITE)!, /returned Infinity for movie 1/);
  assert.match(domainProblem(Float64Array.from([1, Number.NaN]), FINITE)!, /returned NaN for movie 1/);
  assert.match(domainProblem(Float64Array.from([3, 2.5]), { min: 1, max: 5, integer: true, what: "a rating" })!, /returned 2.5 for movie 1 \(expected a rating\)/);
});
