/**
 * One way in and one way out (docs/failures.md): no module of src/ opens a file with node:fs
 * itself — every read goes through the reader (src/io/fs/input.ts: regular files only, sizes
 * capped before allocating) and every write through the writer (src/io/fs/output.ts and the
 * transaction modules it is built on). The test reads the imports of every src/ file: a module
 * outside ALLOWED that imports a call which opens a file (or node:fs as a whole, or
 * node:fs/promises) fails it. Calls on a descriptor the reader or writer opened (readSync,
 * writeSync, closeSync) and calls that open nothing (stat, mkdir, rename, rm) stay allowed.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";

/** node:fs functions that open a file by name. */
const OPENERS = new Set(["readFileSync", "writeFileSync", "appendFileSync", "openSync", "createReadStream", "createWriteStream", "readFile", "writeFile", "appendFile", "open", "opendir", "copyFileSync", "cpSync"]);

/** The modules that may open files, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  "src/io/fs/input.ts": "the reader",
  "src/io/fs/output-bytes.ts": "the writer's files inside the folder it is writing",
  "src/io/fs/dir-lock.ts": "the writer's lock file beside a target (created with O_EXCL, read to name its holder)",
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** The names a file imports from node:fs (or "*" for a namespace or default import, or node:fs/promises). */
function fsImports(text: string): string[] {
  const out: string[] = [];
  const re = /import\s+([^;]*?)\s+from\s+["'](?:node:)?fs(\/promises)?["']/g;
  for (const m of text.matchAll(re)) {
    if (m[2] !== undefined) out.push("* (node:fs/promises)");
    const clause = m[1]!;
    const named = /\{([^}]*)\}/.exec(clause);
    if (named === null || /^\s*\*|^\s*\w+\s*,/.test(clause)) out.push("* (the whole module)");
    for (const n of named?.[1]?.split(",") ?? []) {
      const name = n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!;
      if (name !== "") out.push(name);
    }
  }
  if (/import\(\s*["'](?:node:)?fs(\/promises)?["']\s*\)|require\(\s*["'](?:node:)?fs/.test(text)) out.push("* (a dynamic import)");
  return out;
}

test("no module of src/ but the reader and the writer opens a file with node:fs", () => {
  const offenders: string[] = [];
  for (const file of sources(join(REPO, "src"))) {
    const rel = relative(REPO, file).split("\\").join("/");
    if (ALLOWED[rel] !== undefined) continue;
    const bad = fsImports(readFileSync(file, "utf8")).filter((n) => n.startsWith("*") || OPENERS.has(n));
    if (bad.length > 0) offenders.push(`${rel}: ${bad.join(", ")}`);
  }
  assert.deepEqual(offenders, [], "open files through src/io/fs/input.ts (reads) or src/io/fs/output.ts (writes)");
});

test("the allow-list names files that exist and still open files", () => {
  for (const rel of Object.keys(ALLOWED)) {
    const names = fsImports(readFileSync(join(REPO, rel), "utf8"));
    assert.ok(names.some((n) => OPENERS.has(n)), `${rel} is allowed to open files but no longer does: take it off the list`);
  }
});

test("the check sees the imports it must refuse", () => {
  assert.deepEqual(fsImports('import { readFileSync, statSync } from "node:fs";'), ["readFileSync", "statSync"]);
  assert.deepEqual(fsImports('import * as fs from "fs";'), ["* (the whole module)"]);
  assert.deepEqual(fsImports('import { open } from "node:fs/promises";'), ["* (node:fs/promises)", "open"]);
  assert.deepEqual(fsImports('const fs = await import("node:fs");'), ["* (a dynamic import)"]);
});
