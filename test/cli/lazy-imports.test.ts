/**
 * Heavy modules stay out of start-up: following only the static imports of the built CLI from
 * its entry point never reaches the chart libraries, Graphviz, the report builder or the
 * explorer's server (they are imported inside their commands' actions).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { CLI, REPO } from "../helpers/paths.js";

/** Static `import … from "x"` / `export … from "x"` / `import "x"` specifiers of a compiled module. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)) out.push(m[1]!);
  return out;
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const s of staticImports(f)) {
      if (s.startsWith(".")) {
        const p = resolve(dirname(f), s);
        assert.ok(existsSync(p), `${f} imports ${s}, which is not built`);
        todo.push(p);
      } else packages.add(s);
    }
  }
  return { files, packages };
}

test("start-up imports no chart library, Graphviz, report builder or server", () => {
  const { files, packages } = reachable(CLI);
  assert.ok(files.size > 20, `only ${files.size} modules reached: the import scan is broken`);
  assert.ok(packages.has("commander"), "the scan sees package imports");
  for (const p of ["vega", "vega-lite", "@viz-js/viz", "node:http", "playwright-core"]) assert.ok(!packages.has(p), `${p} is imported at start-up`);
  for (const m of ["report/report-html.js", "report/render-chart.js", "io/serve/explore-server.js", "io/dataset/read-report-dataset.js"]) {
    assert.ok(![...files].some((f) => f === join(REPO, "dist/src", m)), `${m} is imported at start-up`);
  }
});
