/**
 * Heavy modules stay out of start-up: following only the static imports of the built CLI from
 * its entry point never reaches the chart libraries, Graphviz, the report builder or the
 * explorer's server (they are imported inside their commands' actions). Checked on both layouts:
 * the compiled modules (dist/src/) and the bundle the `ctar` command runs (dist/bundle/, where
 * esbuild marks each module's code with a `// path` comment, so a chunk tells what it holds).
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { CLI, REPO, tempDir } from "../helpers/paths.js";

/** The compiled entry point (the bundle is CLI). */
const COMPILED = join(REPO, "dist/src/cli/main.js");

/** The modules a bundle chunk holds: esbuild's `// dist/src/…` and `// node_modules/…` marks. */
function modulesIn(chunk: string): string[] {
  // (a node_modules that is a link shows its target's path: keep what follows node_modules/)
  return [...readFileSync(chunk, "utf8").matchAll(/^\/\/ (?:\S*\/)?((?:dist\/src|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
}
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
  const { files, packages } = reachable([COMPILED, ...commands]);
  assert.ok(files.size > 20, `only ${files.size} modules reached: the import scan is broken`);
  assert.ok(packages.has("commander"), "the scan sees package imports");
  for (const p of ["vega", "vega-lite", "@viz-js/viz", "node:http", "playwright-core"]) assert.ok(!packages.has(p), `${p} is imported at start-up`);
  for (const m of ["report/report-html.js", "report/render-chart.js", "io/serve/explore-server.js", "io/dataset/read-report-dataset.js"]) {
    assert.ok(![...files].some((f) => f === join(REPO, "dist/src", m)), `${m} is imported at start-up`);
  }
});

test("the bundle: what its entry point imports statically holds no chart library, Graphviz, report builder, server, zod, yaml or Parquet codec", () => {
  const { files, packages } = reachable([CLI]);
  assert.ok(files.size >= 2, "the bundle's entry point imports its chunks");
  assert.deepEqual([...packages].filter((p) => !p.startsWith("node:")), [], "the bundle imports no package at run time");
  const held = [...files].flatMap(modulesIn);
  assert.ok(held.some((m) => m.startsWith("node_modules/commander/")), "the marks are seen (commander is in start-up)");
  const heavy = held.filter((m) => /^node_modules\/(vega|vega-lite|@viz-js|zod|yaml|hyparquet)\/|^dist\/src\/(report\/report-html|report\/render-chart|io\/serve\/explore-server|cli\/generate)\.js$/.test(m));
  assert.deepEqual(heavy, []);
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

for (const [layout, entry] of [["compiled modules", COMPILED], ["bundle", CLI]] as const) {
  test(`ctar --version evaluates no command module, no zod, no yaml and no Parquet codec (${layout})`, () => {
    const log = join(tempDir(), "modules.txt");
    const r = spawnSync(process.execPath, ["--import", MODULE_LOG, entry, "--version"], { encoding: "utf8", env: { ...process.env, CTAR_MODULE_LOG: log } });
    assert.equal(r.status, 0, r.stderr);
    const loaded = readFileSync(log, "utf8").trim().split("\n");
    assert.ok(loaded.some((u) => u === pathToFileURL(entry).href), "the log saw the entry point");
    // in the bundle, a loaded file is a chunk: what it holds is read from its marks
    const held = (urls: readonly string[]) => (layout === "bundle" ? urls.filter((u) => u.startsWith("file:")).flatMap((u) => modulesIn(fileURLToPath(u))) : urls);
    const heavy = held(loaded).filter((u) => /(dist\/src\/cli\/(generate|stats|bench|graph)\.js|node_modules\/(zod|yaml|hyparquet)\/)/.test(u));
    assert.deepEqual(heavy, []);
    // And `ctar stats` does load its own module (the log is not blind to command modules).
    const s = spawnSync(process.execPath, ["--import", MODULE_LOG, entry, "stats", "--help"], { encoding: "utf8", env: { ...process.env, CTAR_MODULE_LOG: log } });
    assert.equal(s.status, 0, s.stderr);
    assert.ok(held(readFileSync(log, "utf8").trim().split("\n")).some((u) => u.endsWith("dist/src/cli/stats.js")));
  });
}
