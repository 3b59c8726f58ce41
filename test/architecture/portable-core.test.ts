/**
 * The core runs in a browser (docs/browser.md): outside src/io/ and src/cli/ (and src/index.ts,
 * which re-exports them) no module imports a Node built-in — not even the harmless ones
 * (node:path, node:zlib, node:crypto) that layers.test.ts allows, since a browser has none of them.
 */
import assert from "node:assert/strict";
import { builtinModules } from "node:module";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";
import { importSpecifiers, readSourceTree } from "./source-imports.js";

/** Folders of src/ that run only under Node. */
const NODE_ONLY = new Set(["io", "cli"]);
const BUILTINS = new Set(builtinModules);

/** A specifier naming a Node built-in: "node:…", or a bare built-in name ("path", "zlib/…"). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]!);
}

test("isNodeBuiltin tells Node built-ins from packages and relative paths", () => {
  for (const s of ["node:path", "node:zlib", "path", "zlib", "fs/promises", "node:test"]) assert.equal(isNodeBuiltin(s), true, s);
  for (const s of ["yaml", "@viz-js/viz", "./graph.js", "../errors/errors.js", "zod"]) assert.equal(isNodeBuiltin(s), false, s);
});

test("no core module (outside src/io/, src/cli/ and src/index.ts) imports a Node built-in", () => {
  const found: string[] = [];
  const tree = readSourceTree(REPO);
  for (const [file, text] of tree.modules) {
    if (file === "index.ts" || NODE_ONLY.has(file.split("/")[0]!)) continue;
    for (const s of importSpecifiers(text)) if (isNodeBuiltin(s)) found.push(`src/${file} imports ${s}`);
  }
  assert.ok(tree.modules.size > 100, `read only ${tree.modules.size} modules of src/`);
  assert.deepEqual(found, []);
});
