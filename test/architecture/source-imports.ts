/**
 * The import graph of src/ between folders, and the edge uses (files, process, console, clock,
 * threads) in each module, read from the TypeScript sources: what test/architecture/layers.test.ts
 * checks against docs/architecture.md's layer order.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/** One import of a module in src/: the importing file, the folder it is in, and the target's. */
export interface FolderImport {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
}

/** A module's folder under src/: the first path segment, or the file's own name for src/*.ts ("index", "version"). */
export function folderOf(pathInSrc: string): string {
  const parts = pathInSrc.split(/[\\/]/);
  return parts.length === 1 ? parts[0]!.replace(/\.(ts|js)$/, "") : parts[0]!;
}

/**
 * Source text without comments; strings are kept (an import specifier is a string), or, with
 * `blankStrings`, quoted strings are emptied (template literals are kept: they hold code).
 */
export function stripComments(text: string, blankStrings = false): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const d = text[i + 1];
    if (c === "/" && d === "/") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "/" && d === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      out += blankStrings && c !== "`" ? c + c : text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The module specifiers a source imports or re-exports, static or dynamic (`import("…")`). */
export function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  const out: string[] = [];
  const patterns = [/\b(?:import|export)\b[^'"`;]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g, /\bimport\s*["']([^"']+)["']/g];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

/** Node modules only src/io/ and src/cli/ may import (files, threads, processes, sockets, the terminal). */
export const EDGE_MODULES: readonly string[] = ["fs", "fs/promises", "worker_threads", "child_process", "http", "https", "net", "os", "readline", "tty"];

/** Globals only src/io/ and src/cli/ may use, as found in code (comments and quoted strings ignored). */
export const EDGE_GLOBALS: ReadonlyArray<{ readonly what: string; readonly re: RegExp }> = [
  { what: "process", re: /(?<![\w$.])process\s*(?:\.|\[)/ },
  { what: "console", re: /(?<![\w$.])console\s*\./ },
  { what: "Date.now", re: /\bDate\s*\.\s*now\b/ },
  { what: "new Date", re: /\bnew\s+Date\b/ },
  { what: "performance.now", re: /\bperformance\s*\.\s*now\b/ },
];

/** The edge uses in one module's text: node:<module> imports and edge globals. */
export function edgeUses(text: string): string[] {
  const modules = importSpecifiers(text)
    .map((s) => s.replace(/^node:/, ""))
    .filter((s) => EDGE_MODULES.includes(s))
    .map((s) => `node:${s}`);
  const code = stripComments(text, true);
  return [...modules, ...EDGE_GLOBALS.filter((u) => u.re.test(code)).map((u) => u.what)];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out.sort();
}

export interface SourceTree {
  /** Module path relative to src/ → its text. */
  readonly modules: ReadonlyMap<string, string>;
  /** Every relative import that crosses a folder. */
  readonly imports: readonly FolderImport[];
  /** Every relative import inside src/, as (importing file, imported file), both paths in src/. */
  readonly fileImports: ReadonlyArray<readonly [string, string]>;
}

/** Reads src/ under `repo`: its modules and their imports between folders. */
export function readSourceTree(repo: string): SourceTree {
  const src = join(repo, "src");
  const modules = new Map<string, string>();
  const imports: FolderImport[] = [];
  const fileImports: (readonly [string, string])[] = [];
  for (const file of sourceFiles(src)) {
    const inSrc = relative(src, file);
    const text = readFileSync(file, "utf8");
    modules.set(inSrc, text);
    for (const specifier of importSpecifiers(text)) {
      if (!specifier.startsWith(".")) continue;
      const target = relative(src, resolve(dirname(file), specifier));
      if (target.startsWith("..")) continue; // outside src/ (none today)
      const from = folderOf(inSrc);
      const to = folderOf(target.split(sep).join("/"));
      if (from !== to) imports.push({ file: inSrc, from, to, specifier });
      fileImports.push([inSrc.split(sep).join("/"), target.split(sep).join("/").replace(/\.js$/, ".ts")]);
    }
  }
  return { modules, imports, fileImports };
}

/** The folders on some cycle of the folder graph, one list per strongly connected component. */
export function folderCycles(edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  // Tarjan's strongly connected components (recursive: a few dozen folders).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || next.get(v)!.has(v)) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/**
 * The room (sub-folder) of `folder` that a module in src/ is in: `io/fs/atomic-dir.ts` → "fs" for
 * folder "io"; undefined outside `folder`, and "" for a file directly in it.
 */
export function roomOf(pathInSrc: string, folder: string): string | undefined {
  const parts = pathInSrc.split("/");
  if (parts[0] !== folder) return undefined;
  return parts.length > 2 ? parts[1]! : "";
}
