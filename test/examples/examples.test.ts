/**
 * Every example graph in examples/ runs: it loads with its modules, generates a small dataset,
 * has the missingness classes its README states, and passes `ctar verify`'s checks.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { syntheticCatalog } from "../../src/catalog/synthetic.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { generateDataset } from "../../src/generate/generate.js";
import { analyzeGraph } from "../../src/graph/analyze-graph.js";
import { loadGraphRun } from "../../src/io/inputs/load-graph-run.js";
import { verifyWorld } from "../../src/verify/verify-world.js";
import { REPO } from "../helpers/paths.js";

/** The classes each example's README states (R_R, R_RCT, R_O), and the class of the graph. */
const EXPECTED: Record<string, { indicators: Record<string, string>; graph: string }> = {
  "exposure-bias": { indicators: { R_R: "MNAR", R_RCT: "MCAR", R_O: "MNAR" }, graph: "MNAR" },
  "user-activity": { indicators: { R_R: "MNAR", R_RCT: "MCAR", R_O: "MNAR" }, graph: "MNAR" },
};

const EXAMPLES = join(REPO, "examples");
const graphs = readdirSync(EXAMPLES).filter((d) => existsSync(join(EXAMPLES, d, "graph.yaml")));

test("every example with a graph.yaml has its expected classes listed here", () => {
  assert.deepEqual(graphs.sort(), Object.keys(EXPECTED).sort());
});

const config = parseCtarConfig({ seed: 5, users: 400, movies: 150, test2: { draws: 300, positives: 90 }, test3: { draws: 300, positives: 90 } });
const base = syntheticCatalog({ seed: 2202 });

for (const name of graphs) {
  test(`examples/${name}: loads, generates, has its stated classes and passes verify`, async () => {
    const run = await loadGraphRun(join(EXAMPLES, name, "graph.yaml"));
    assert.ok(run.modules.length > 0, "an example shows a user module");
    const a = analyzeGraph(run.graph);
    const want = EXPECTED[name]!;
    assert.equal(a.classification.class, want.graph);
    assert.deepEqual(Object.fromEntries(a.classification.indicators.map((i) => [i.indicator, i.class])), want.indicators);
    const d = generateDataset(config, base, { graph: run.graph, registry: run.registry });
    assert.ok(d.tables.rating.length > 0 && d.tables.obstag.length > 0 && d.tables.rcttag.length > 0);
    const v = verifyWorld({ graph: run.graph, registry: run.registry, config, catalog: base });
    assert.equal(v.passed, true, v.results.map((x) => `${x.text}: ${x.verdict} p=${x.p}`).join("\n"));
  });
}
