import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDagitty, toDagitty } from "../../src/graph/dagitty.js";
import { classifyMissingness } from "../../src/graph/missingness-class.js";
import { GraphError } from "../../src/errors/errors.js";
import { validateGraph } from "../../src/graph/validate-graph.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";

const parents = (g: ReturnType<typeof parseDagitty>) => Object.fromEntries(g.nodes.map((n) => [n.name, n.set + ":" + n.parents.join(",")]));

test("the documented forms: chains, reverse arrows, optional separators, properties, groups", () => {
  // The examples of dagitty's documentation: all four texts are the same DAG a → b → c ← d.
  const texts = ["dag{\na -> b ;\nb -> c ;\nd -> c\n}", "dag{\na -> b b -> c d -> c\n}", "dag{\na -> b ->c ; d -> c\n}", "dag{a->b->c<-d}"];
  const want = { a: "V_o:", b: "V_o:a", c: "V_o:b,d", d: "V_o:" };
  for (const t of texts) assert.deepEqual(parents(parseDagitty(t, "t")), want, t);
  const g = parseDagitty('dag {\n x [exposure, pos="1,0"]\n y [outcome]\n z [unobserved]\n x -> y ; x <- z -> y\n a -> {b c}\n}', "t");
  assert.deepEqual(parents(g), { x: "V_o:z", y: "V_o:x,z", z: "N:", a: "V_o:", b: "V_o:a", c: "V_o:a" });
});

test("a bidirected edge becomes a latent common parent", () => {
  const g = parseDagitty("dag { u <-> v }", "t");
  assert.deepEqual(parents(g), { u: "V_o:L_u_v", v: "V_o:L_u_v", L_u_v: "N:" });
});

test("m-graph roles by name: R_X is X's indicator, X* its proxy (added when missing); Figure 2 is MAR", () => {
  // The CTAR paper's Figure 2: U → Y ← I → R_Y; Y is MAR given I (paper §4.2).
  const g = validateGraph(parseDagitty("dag { U -> Y <- I -> R_Y }", "fig2"));
  assert.deepEqual(parents(g), { U: "V_o:", Y: "V_m:U,I", I: "V_o:", R_Y: "R:I", "Y*": "V*:Y,R_Y" });
  assert.equal(classifyMissingness(g).class, "MAR");
});

test("export then import gives back the CTAR structure (sets, plates, kinds, determinism, parents)", () => {
  const back = parseDagitty(toDagitty(CTAR_STRUCTURE), "ctar.dagitty", CTAR_STRUCTURE.name);
  const strip = (g: typeof CTAR_STRUCTURE) =>
    g.nodes.map((n) => ({ name: n.name, set: n.set, plate: n.plate, det: n.deterministic === true, parents: [...n.parents].sort(), kind: n.mechanism.kind }));
  assert.deepEqual(strip(back), strip(CTAR_STRUCTURE));
  assert.match(toDagitty(CTAR_STRUCTURE), /^dag \{\n {2}U \[set="V_o",plate="user",mechanism="user-index",deterministic\]\n/);
  assert.match(toDagitty(CTAR_STRUCTURE), / {2}"RCT\*" \[/);
});

test("bad input: one line naming source:line:column", () => {
  const cases: [string, RegExp][] = [
    ["dag { a -> }", /^t:1:12: expected a variable name \(got '}'\)$/],
    ["dag {\n  a -- b }", /^t:2:5: undirected edges \('--'\) have no place in a DAG/],
    ["pdag { a -> b }", /^t:1:1: only 'dag' graphs are m-graphs/],
    ['dag { "a -> b }', /^t:1:7: unterminated quoted name/],
    ["dag { a -> b", /^t:end of text: expected '}'/],
    ["dag { a [set=\"Q\"] }", /^t: node 'a': set \(got 'Q', expected one of V_o, V_m, N, V\*, R\)$/],
  ];
  for (const [text, re] of cases) assert.throws(() => parseDagitty(text, "t"), (e: unknown) => e instanceof GraphError && re.test(e.message), text);
});
