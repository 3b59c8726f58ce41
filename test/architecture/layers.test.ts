/**
 * The layer order of docs/architecture.md, enforced: every import between src/ folders points to a
 * lower layer (so the folder graph has no cycle), and only src/io/ and src/cli/ touch files,
 * threads, the process, the console or the clock. LAYERS below is the diagram's text.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";
import { edgeUses, folderCycles, importSpecifiers, readSourceTree, roomOf } from "./source-imports.js";

/**
 * Lowest first; a folder may import folders of lower layers only. `version` and `index` are the
 * files src/version.ts and src/index.ts (the public API re-exports every layer).
 */
const LAYERS: readonly (readonly string[])[] = [
  ["errors", "rng", "metrics", "version"],
  ["graph", "catalog"],
  ["mechanisms", "labels"],
  ["config"],
  ["presets", "truth", "testsets", "models"],
  ["generate"],
  ["scm", "verify", "bench", "stats", "validate"],
  ["report", "tasks"],
  ["explore"],
  ["io"],
  ["cli"],
  ["index"],
];

/**
 * The rooms of src/io/, lowest first, as docs/architecture.md draws them: a room may import rooms
 * of lower rank only (and nothing of io/ sits outside a room).
 */
const IO_ROOMS: readonly (readonly string[])[] = [
  ["fs"],
  ["tables"],
  ["dataset"],
  ["inputs"],
  ["run"],
  ["recorded"],
  ["bench", "export", "serve", "tasks"],
];

/** Folders that may use files, threads, the process, the console and the clock. */
const EDGES = new Set(["io", "cli"]);

const layerOf = new Map(LAYERS.flatMap((names, k) => names.map((n) => [n, k] as const)));
const tree = readSourceTree(REPO);

test("every src/ folder has a place in the layer order", () => {
  const folders = new Set([...tree.modules.keys()].map((f) => (f.includes("/") ? f.split("/")[0]! : f.replace(/\.ts$/, ""))));
  const unplaced = [...folders].filter((f) => !layerOf.has(f)).sort();
  assert.deepEqual(unplaced, [], `add these folders to LAYERS and to docs/architecture.md: ${unplaced.join(", ")}`);
});

test("no import points to the same or a higher layer", () => {
  const wrong = tree.imports
    .filter((i) => layerOf.has(i.from) && layerOf.has(i.to) && layerOf.get(i.to)! >= layerOf.get(i.from)!)
    .map((i) => `src/${i.file} imports ${i.specifier} (${i.from}/ → ${i.to}/)`);
  assert.deepEqual(wrong, []);
});

test("the folder graph of src/ has no cycle", () => {
  assert.deepEqual(folderCycles(tree.imports.map((i) => [i.from, i.to] as const)), []);
});

test("only src/io/ and src/cli/ touch files, threads, the process, the console or the clock", () => {
  const found: string[] = [];
  for (const [file, text] of tree.modules) {
    const folder = file.includes("/") ? file.split("/")[0]! : "";
    if (EDGES.has(folder)) continue;
    for (const what of edgeUses(text)) found.push(`src/${file}: ${what}`);
  }
  assert.deepEqual(found, []);
});

test("docs/architecture.md shows exactly these layers", () => {
  const doc = readFileSync(join(REPO, "docs/architecture.md"), "utf8");
  const block = /<!-- layers:begin -->\n```\n([\s\S]*?)```\n<!-- layers:end -->/.exec(doc);
  assert.ok(block !== null, "docs/architecture.md has no layers block");
  const rows = block[1]!
    .trim()
    .split("\n")
    .map((line) => /^\s*\d+\s+(.*)$/.exec(line)?.[1]?.split(/\s+/).map((n) => n.replace(/\/$/, "").replace(/^src\/|\.ts$/g, "")) ?? []);
  assert.deepEqual(rows, [...LAYERS].reverse().map((l) => [...l]));
  // The mermaid diagram: one box per layer, naming the same folders.
  const boxes = [...doc.matchAll(/^\s*L(\d+)\["([^"]*)"\]/gm)].map((m) => [Number(m[1]), [...m[2]!.matchAll(/([a-z]+)(?:\/|\.ts)(?=[\s)]|$)/g)].map((x) => x[1]!)] as const);
  assert.deepEqual(
    boxes.map(([k, names]) => [k, names.sort()]),
    [...LAYERS.keys()].reverse().map((k) => [k, [...LAYERS[k]!].sort()]),
  );
});

const roomRank = new Map(IO_ROOMS.flatMap((names, k) => names.map((n) => [n, k] as const)));

test("every module of src/io/ is in one of its rooms", () => {
  const loose = [...tree.modules.keys()].filter((f) => {
    const room = roomOf(f.split("\\").join("/"), "io");
    return room !== undefined && !roomRank.has(room);
  });
  assert.deepEqual(loose, [], `put these in a room of src/io/ (IO_ROOMS here and docs/architecture.md): ${loose.join(", ")}`);
});

test("inside src/io/, no room imports the same or a higher rank", () => {
  const wrong = tree.fileImports
    .map(([a, b]) => [a, b, roomOf(a, "io"), roomOf(b, "io")] as const)
    .filter(([, , ra, rb]) => ra !== undefined && rb !== undefined && ra !== rb && roomRank.has(ra) && roomRank.has(rb) && roomRank.get(rb)! >= roomRank.get(ra)!)
    .map(([a, b]) => `src/${a} imports src/${b}`);
  assert.deepEqual(wrong, []);
});

test("docs/architecture.md shows exactly these rooms of src/io/", () => {
  const doc = readFileSync(join(REPO, "docs/architecture.md"), "utf8");
  const block = /<!-- io-rooms:begin -->\n```\n([\s\S]*?)```\n<!-- io-rooms:end -->/.exec(doc);
  assert.ok(block !== null, "docs/architecture.md has no io-rooms block");
  const rows = block[1]!
    .trim()
    .split("\n")
    .map((line) => /^\s*\d+\s+(.*?)(?:\s{2,}.*)?$/.exec(line)?.[1]?.split(/\s+/).map((n) => n.replace(/\/$/, "")) ?? []);
  assert.deepEqual(rows, [...IO_ROOMS].reverse().map((l) => [...l]));
});

test("roomOf reads a module's room and nothing outside the folder", () => {
  assert.equal(roomOf("io/fs/atomic-dir.ts", "io"), "fs");
  assert.equal(roomOf("io/tables/parquet/table-reader.ts", "io"), "tables");
  assert.equal(roomOf("io/loose.ts", "io"), "");
  assert.equal(roomOf("cli/main.ts", "io"), undefined);
});

// The checks themselves, on made-up input (so that a broken checker cannot pass vacuously).

test("folderCycles finds a cycle through three folders and none in a chain", () => {
  assert.deepEqual(folderCycles([["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]]), [["a", "b", "c"]]);
  assert.deepEqual(folderCycles([["a", "b"], ["b", "c"], ["a", "c"]]), []);
});

test("importSpecifiers reads static, type-only, re-exported and dynamic imports, not comments", () => {
  const text = [
    'import { a } from "../x/a.js";',
    'import type { B } from "../y/b.js";',
    'export { c } from "./c.js";',
    'const m = await import("../z/m.js");',
    'import "./side.js";',
    '// import { no } from "../comment/no.js";',
    '/* export { no } from "../../src/generate/block.js"; */',
  ].join("\n");
  assert.deepEqual(importSpecifiers(text).sort(), ["../x/a.js", "../y/b.js", "../z/m.js", "./c.js", "./side.js"]);
});

test("edgeUses flags each edge use in code and ignores comments and strings", () => {
  assert.deepEqual(edgeUses('import { readFileSync } from "node:fs";'), ["node:fs"]);
  assert.deepEqual(edgeUses('import { Worker } from "node:worker_threads";'), ["node:worker_threads"]);
  assert.deepEqual(edgeUses("const t = Date.now();"), ["Date.now"]);
  assert.deepEqual(edgeUses("const d = new Date();"), ["new Date"]);
  assert.deepEqual(edgeUses("process.stdout.write('x');"), ["process"]);
  assert.deepEqual(edgeUses("console.log(1);"), ["console"]);
  assert.deepEqual(edgeUses("const w = `${process.env.HOME}`;"), ["process"]);
  assert.deepEqual(edgeUses('const { readFile } = await import("fs/promises");'), ["node:fs/promises"]);
  assert.deepEqual(edgeUses("// process.exit(1) and console.log\nconst s = 'stay in-process.';"), []);
  assert.deepEqual(edgeUses('const loader = vega.loader({ mode: "http" });'), []);
  assert.deepEqual(edgeUses("const inProcess = runner.process(x);"), []);
});
