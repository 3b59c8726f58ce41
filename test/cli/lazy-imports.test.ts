/**
 * Heavy modules stay out of start-up: following only the static imports of the built CLI from
 * its entry point never reaches the chart libraries, Graphviz, the report builder or the
 * explorer's server (they are imported inside their commands' actions).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { CLI, REPO, tempDir } from "../helpers/paths.js";
import { MODULE_LOG } from "../helpers/module-log.js";

/** Static `import … from "x"` / `export … from "x"` / `import "x"` specifiers of a compiled module. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)) out.push(m[1]!);
  return out;
}

function reachable(entries: readonly string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [...entries];
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

test("start-up imports no chart library, Graphviz, report builder or server", async () => {
  const { COMMAND_NAMES } = await import("../../src/cli/program.js");
  // The entry point loads commands on demand (program.ts); what a run of any command imports
  // statically is the entry's graph plus that command module's.
  const commands = COMMAND_NAMES.map((name) => join(REPO, "dist/src/cli", `${name}.js`));
  const { files, packages } = reachable([CLI, ...commands]);
  assert.ok(files.size > 20, `only ${files.size} modules reached: the import scan is broken`);
  assert.ok(packages.has("commander"), "the scan sees package imports");
  for (const p of ["vega", "vega-lite", "@viz-js/viz", "node:http", "playwright-core"]) assert.ok(!packages.has(p), `${p} is imported at start-up`);
  for (const m of ["report/report-html.js", "report/render-chart.js", "io/serve/explore-server.js", "io/dataset/read-report-dataset.js"]) {
    assert.ok(![...files].some((f) => f === join(REPO, "dist/src", m)), `${m} is imported at start-up`);
  }
});

test("a run loads only the command it names; a bare --version loads none; help and unknown names load all", async () => {
  const { commandsFor, COMMAND_NAMES } = await import("../../src/cli/program.js");
  assert.deepEqual(commandsFor(["generate", "--out", "x"]), ["generate"]);
  assert.deepEqual(commandsFor(["graph", "dsep", "R_R", "R"]), ["graph"]);
  assert.deepEqual(commandsFor(["stats", "--help"]), ["stats"]);
  assert.deepEqual(commandsFor(["--version"]), []);
  assert.deepEqual(commandsFor(["-V"]), []);
  assert.deepEqual(commandsFor(["--help"]), COMMAND_NAMES);
  assert.deepEqual(commandsFor([]), COMMAND_NAMES);
  assert.deepEqual(commandsFor(["genrate"]), COMMAND_NAMES);
  assert.deepEqual(commandsFor(undefined), COMMAND_NAMES);
});

test("ctar --version evaluates no command module, no zod, no yaml and no Parquet codec", () => {
  const log = join(tempDir(), "modules.txt");
  const r = spawnSync(process.execPath, ["--import", MODULE_LOG, CLI, "--version"], { encoding: "utf8", env: { ...process.env, CTAR_MODULE_LOG: log } });
  assert.equal(r.status, 0, r.stderr);
  const loaded = readFileSync(log, "utf8").trim().split("\n");
  assert.ok(loaded.some((u) => u.endsWith("/dist/src/cli/main.js")), "the log saw the entry point");
  const heavy = loaded.filter((u) => /\/dist\/src\/cli\/(generate|stats|bench|graph)\.js$|\/node_modules\/(zod|yaml|hyparquet)/.test(u));
  assert.deepEqual(heavy, []);
  // And `ctar stats` does load its own module (the log is not blind to command modules).
  const s = spawnSync(process.execPath, ["--import", MODULE_LOG, CLI, "stats", "--help"], { encoding: "utf8", env: { ...process.env, CTAR_MODULE_LOG: log } });
  assert.equal(s.status, 0, s.stderr);
  assert.ok(readFileSync(log, "utf8").includes("/dist/src/cli/stats.js"));
});
