import assert from "node:assert/strict";
import { test } from "node:test";
import { analyzeGraph } from "../../src/graph/analyze-graph.js";
import { formatAnalysis } from "../../src/report/analysis-table.js";
import { textTable } from "../../src/report/text-table.js";
import { CTAR_STRUCTURE } from "../../src/presets/ctar-graph.js";

test("textTable pads every column but the last", () => {
  assert.equal(textTable(["a", "bb", "c"], [["xxx", "y", "z z"]]), "a    bb  c\n───  ──  ───\nxxx  y   z z");
});

test("the CTAR analysis report: header, one row per indicator and target, assumptions", () => {
  const text = formatAnalysis(analyzeGraph(CTAR_STRUCTURE));
  const lines = text.split("\n");
  assert.equal(lines[0], "m-graph 'ctar': MNAR (the worst class over its indicators)");
  assert.ok(lines.some((l) => /^P\(TL\) +recoverable +P\(TL\) = P\(RCT\* \| R_RCT = 1\)$/.test(l)));
  assert.ok(lines.some((l) => /^P\(U, M, TM, TL, R\) +recoverable /.test(l)));
  assert.ok(lines.includes("assumptions:"));
  assert.ok(text.endsWith("\n"));
});
