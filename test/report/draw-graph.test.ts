import assert from "node:assert/strict";
import { test } from "node:test";
import { toDot, toMermaid } from "../../src/report/draw-graph.js";
import { renderSvg } from "../../src/report/render-svg.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";

test("DOT in the paper's Figure 4 style: V_o black, R black with a double ring, V* dashed, every edge", () => {
  const dot = toDot(CTAR_STRUCTURE);
  assert.match(dot, /^digraph "ctar" \{/);
  assert.match(dot, /"M" \[fillcolor=black, fontcolor=white/);
  assert.match(dot, /"R_RCT" \[fillcolor=black.*peripheries=2/);
  assert.match(dot, /"TU" \[fillcolor=white/);
  assert.match(dot, /"TL" \[fillcolor=white.*penwidth=2\.5/);
  assert.match(dot, /"O\*" \[fillcolor=white.*style="filled,dashed"/);
  const edges = dot.split("\n").filter((l) => l.includes(" -> "));
  assert.equal(edges.length, 18); // docs/model.md#edges lists 18 edges
  assert.ok(edges.includes('  "TL" -> "R_O";'));
  assert.equal(toDot(CTAR_STRUCTURE), dot); // deterministic
});

test("Mermaid: one circle per node (double for indicators), one arrow per edge, classes per set", () => {
  const m = toMermaid(CTAR_STRUCTURE);
  assert.match(m, /^flowchart TB\n/);
  assert.match(m, /n9\(\(\("R_RCT"\)\)\):::indicator/);
  assert.match(m, /n11\(\("R\*"\)\):::proxy/);
  assert.equal(m.split("\n").filter((l) => l.includes(" --> ")).length, 18);
});

test("SVG through Graphviz (WebAssembly): every node is laid out", async () => {
  const svg = await renderSvg(toDot(CTAR_STRUCTURE));
  assert.match(svg, /^<\?xml|^<svg/);
  for (const n of CTAR_STRUCTURE.nodes) assert.ok(svg.includes(`<title>${n.name}</title>`), n.name);
  assert.equal((svg.match(/class="edge"/g) ?? []).length, 18);
});
