/** Parsing and applying interventions `NODE=MECHANISM[:param]` (src/scm/intervention.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError } from "../../src/errors/errors.js";
import { builtinRegistry } from "../../src/mechanisms/registry.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";
import { applyInterventions, parseIntervention } from "../../src/scm/intervention.js";

test("parseIntervention resolves the 'uniform' alias by the node's mechanism and reads the main parameter", () => {
  assert.deepEqual(parseIntervention("R_R=uniform:0.02", CTAR_STRUCTURE), { node: "R_R", mechanism: { kind: "uniform-missingness", params: { rate: 0.02 } }, text: "R_R=uniform:0.02" });
  assert.deepEqual(parseIntervention("RecSys=uniform", CTAR_STRUCTURE).mechanism, { kind: "uniform-exposure" });
  assert.deepEqual(parseIntervention("R_O=uniform:0.007", CTAR_STRUCTURE).mechanism, { kind: "uniform-missingness", params: { rate: 0.007 } });
  assert.deepEqual(parseIntervention("R_R=popularity-missingness:rate=0.05,temperature=100").mechanism, {
    kind: "popularity-missingness",
    params: { rate: 0.05, temperature: 100 },
  });
});

test("applyInterventions replaces the mechanism, cuts the parents a parentless mechanism does not read, and leaves other nodes alone", () => {
  const reg = builtinRegistry();
  const g = applyInterventions(CTAR_STRUCTURE, [parseIntervention("R_R=uniform:0.02", CTAR_STRUCTURE), parseIntervention("RecSys=uniform", CTAR_STRUCTURE)], reg);
  const byName = new Map(g.nodes.map((n) => [n.name, n]));
  assert.deepEqual(byName.get("R_R")!.parents, []);
  assert.deepEqual(byName.get("R_R")!.mechanism, { kind: "uniform-missingness", params: { rate: 0.02 } });
  // A constant exposure stays a (constant) function of M, so it is not an unobserved cause.
  assert.deepEqual(byName.get("RecSys")!.parents, ["M"]);
  assert.equal(byName.get("RecSys")!.deterministic, true);
  assert.equal(byName.get("R_R")!.deterministic, undefined);
  assert.deepEqual(g.nodes.map((n) => n.name), CTAR_STRUCTURE.nodes.map((n) => n.name));
  for (const n of CTAR_STRUCTURE.nodes) if (n.name !== "R_R" && n.name !== "RecSys") assert.deepEqual(byName.get(n.name), n);
  // The input is not modified; an empty list gives the same graph.
  assert.equal(CTAR_STRUCTURE.nodes.find((n) => n.name === "R_R")!.mechanism.kind, "popularity-missingness");
  assert.deepEqual(applyInterventions(CTAR_STRUCTURE, [], reg), CTAR_STRUCTURE);
  // Same kind, new parameters: the parents are kept.
  const same = applyInterventions(CTAR_STRUCTURE, [parseIntervention("R_R=popularity:0.05", CTAR_STRUCTURE)], reg);
  assert.deepEqual(same.nodes.find((n) => n.name === "R_R")!.parents, ["RecSys"]);
});

test("bad interventions are ConfigErrors that name the --do and what was wrong", () => {
  const reg = builtinRegistry();
  const bad = (text: string, pattern: RegExp) =>
    assert.throws(
      () => applyInterventions(CTAR_STRUCTURE, [parseIntervention(text, CTAR_STRUCTURE)], reg),
      (e: unknown) => e instanceof ConfigError && pattern.test(e.message),
      text,
    );
  bad("R_R", /--do R_R: expected NODE=MECHANISM/);
  bad("R_X=uniform:0.1", /unknown node 'R_X' \(nodes: U, M, /);
  bad("R_R=coin-flip", /unknown mechanism 'coin-flip' \(known: .*uniform-missingness/);
  bad("R_R=uniform:2", /parameter 'rate' of 'uniform-missingness'/);
  bad("R_R=uniform:abc", /parameter value 'abc' is not a number/);
  bad("R_R=uniform:rate=0.1,colour=3", /parameter of 'uniform-missingness'|Unrecognized key/);
  bad("RecSys=uniform-missingness", /runs on plate user-movie, but node 'RecSys' is on plate movie/);
  bad("Q=uniform", /'uniform' is not defined for node 'Q'/);
  assert.throws(
    () => applyInterventions(CTAR_STRUCTURE, [parseIntervention("R_R=uniform:0.1", CTAR_STRUCTURE), parseIntervention("R_R=uniform:0.2", CTAR_STRUCTURE)], reg),
    /intervened on twice/,
  );
});

test("the m-graph analysis of the intervened graph: do(R_R = uniform) and do(R_O = uniform) make them MCAR", async () => {
  const { analyzeGraph, analysisToJson } = await import("../../src/graph/analyze-graph.js");
  const reg = builtinRegistry();
  const classOf = (dos: string[], indicator: string) => {
    const g = applyInterventions(CTAR_STRUCTURE, dos.map((t) => parseIntervention(t, CTAR_STRUCTURE, reg)), reg);
    const json = JSON.stringify(analysisToJson(analyzeGraph(g, { deterministic: true })));
    return new RegExp(`"indicator":"${indicator}"[^}]*?"class":"([A-Z]+)"`).exec(json)?.[1];
  };
  assert.equal(classOf([], "R_R"), "MAR");
  assert.equal(classOf(["R_R=uniform:0.02"], "R_R"), "MCAR");
  assert.equal(classOf([], "R_O"), "MNAR");
  assert.equal(classOf(["R_O=uniform:0.007"], "R_O"), "MCAR");
  assert.equal(classOf(["RecSys=uniform"], "R_R"), "MAR");
});

test("parameters not given carry over from the node's current mechanism: --do R_O=uniform keeps R_O's rate 0.007", async () => {
  const { ctarGraph } = await import("../../src/presets/ctar.js");
  const { parseCtarConfig } = await import("../../src/config/parse-config.js");
  const reg = builtinRegistry();
  const g = ctarGraph(parseCtarConfig({}));
  const apply = (text: string) => applyInterventions(g, [parseIntervention(text, g, reg)], reg);
  const node = (graph: typeof g, name: string) => graph.nodes.find((n) => n.name === name)!;
  // selection-missingness (rate 0.007, temperature, alpha, bias, keepRate) → uniform-missingness (rate only).
  assert.deepEqual(node(apply("R_O=uniform"), "R_O").mechanism, { kind: "uniform-missingness", params: { rate: 0.007 } });
  // A given value wins over the carried one.
  assert.deepEqual(node(apply("R_O=uniform:0.1"), "R_O").mechanism, { kind: "uniform-missingness", params: { rate: 0.1 } });
  // Same kind, new rate: the other parameters stay the node's.
  const t = parseCtarConfig({ ratingMissingness: { temperature: 80 } });
  const g2 = ctarGraph(t);
  const same = applyInterventions(g2, [parseIntervention("R_R=popularity:0.05", g2, reg)], reg);
  assert.deepEqual(node(same, "R_R").mechanism, { kind: "popularity-missingness", params: { rate: 0.05, temperature: 80, bias: null } });
  // R_O's temperature (200) carries to popularity-missingness, whose own default is 500.
  assert.deepEqual(node(apply("R_O=popularity"), "R_O").mechanism.params, { rate: 0.007, temperature: 200, bias: null });
  // Nothing shared: no parameters.
  assert.deepEqual(node(apply("RecSys=uniform"), "RecSys").mechanism, { kind: "uniform-exposure" });
});

test("aliases, main parameters, edges and determinism come from what the mechanisms declare", () => {
  const reg = builtinRegistry();
  // A user family with its own alias: 'uniform' on a node of that family names the user's kind.
  const coin = {
    kind: "coin-flip",
    description: "P = p",
    plates: ["user-movie" as const],
    params: builtinRegistry().get("uniform-missingness")!.params,
    family: "coins",
    alias: "uniform",
    mainParameter: "rate",
    readsParents: false,
    deterministic: false,
    value: "indicator-row" as const,
    setup: () => ({ forUser: () => new Uint8Array(0) }),
  };
  const fair = { ...coin, kind: "fair-coin", alias: "fair", readsParents: true, deterministic: true };
  reg.register(coin).register(fair);
  const g = { name: "g", nodes: CTAR_STRUCTURE.nodes.map((n) => (n.name === "R_R" ? { ...n, mechanism: { kind: "fair-coin" } } : n)) };
  const iv = parseIntervention("R_R=uniform:0.3", g, reg);
  assert.deepEqual(iv.mechanism, { kind: "coin-flip", params: { rate: 0.3 } });
  const out = applyInterventions(g, [iv], reg).nodes.find((n) => n.name === "R_R")!;
  assert.deepEqual(out.parents, []);
  assert.equal(out.deterministic, undefined);
  // Back to the family's other kind, which is deterministic: the flag is the new mechanism's.
  const h = { name: "h", nodes: g.nodes.map((n) => (n.name === "R_R" ? out : n)) };
  const back = applyInterventions(h, [parseIntervention("R_R=fair", h, reg)], reg);
  assert.equal(back.nodes.find((n) => n.name === "R_R")!.deterministic, true);
  // Two kinds of one family cannot share an alias.
  assert.throws(() => builtinRegistry().register({ ...coin, kind: "other", family: "missingness" }), /alias 'uniform' of family 'missingness' is already 'uniform-missingness'/);
  // The built-in facts that replaced the side tables.
  const facts = (k: string) => reg.get(k)!;
  assert.equal(facts("uniform-missingness").readsParents, false);
  assert.equal(facts("randomized-survey").readsParents, false);
  assert.equal(facts("uniform-exposure").deterministic, true);
  assert.equal(facts("popularity-exposure").deterministic, true);
  for (const k of ["uniform-missingness", "popularity-missingness", "selection-missingness", "position-missingness"]) assert.equal(facts(k).mainParameter, "rate", k);
});
