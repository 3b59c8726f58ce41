/**
 * The repository stands alone: every pointer into docs/ (from code comments, the README and the
 * docs themselves) names a file and a heading that exist, the code cites docs/ rather than notes
 * outside the repository, and no machine-specific absolute path is left in what ships or is read.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";

/** Every file under `dir` whose name ends in one of `exts`, as paths relative to the repository. */
function filesUnder(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (exts.some((e) => f.endsWith(e))) out.push(relative(REPO, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function slugs(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (m === null) continue;
    const base = m[1]!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function headings(markdown: string): Set<string> {
  return new Set([...markdown.matchAll(/^#{1,6}\s+(.*?)\s*$/gm)].map((m) => m[1]!));
}

const DOCS = join(REPO, "docs");
/** This file, whose comments and patterns name placeholder docs. */
const SELF = "test/docs/doc-links.test.ts";
const docText = (name: string) => readFileSync(join(DOCS, name), "utf8");

test("slugs follows GitHub's rules on the cases the docs use", () => {
  // Worked out by hand from GitHub's rendering rules (lower case, drop punctuation, keep _ and -).
  assert.deepEqual([...slugs("## R_R (rating missingness)\n## Defects of the authors' generator\n## Test I\n## Test I")], [
    "r_r-rating-missingness",
    "defects-of-the-authors-generator",
    "test-i",
    "test-i-1",
  ]);
});

test("every docs/ pointer in code and Markdown names an existing file and anchor", () => {
  const sources = [
    ...["src", "test", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".js", ".md", ".yaml", ".sh"])),
    "README.md",
    ...filesUnder(DOCS, [".md"]),
  ];
  let checked = 0;
  const problems: string[] = [];
  for (const file of sources) {
    if (file === SELF) continue;
    const text = readFileSync(join(REPO, file), "utf8");
    const inDocs = file.startsWith("docs/");
    // docs/x.md#anchor anywhere; inside docs/ also the relative (x.md#anchor) and (#anchor) links.
    const pattern = inDocs ? /\]\((?:\.\/)?([\w-]+\.md)?(?:#([\w-]+))?\)/g : /\bdocs\/([\w-]+\.md)(?:#([\w-]+))?/g;
    for (const m of text.matchAll(pattern)) {
      const target = m[1] ?? file.slice("docs/".length);
      if (m[1] === undefined && m[2] === undefined) continue;
      checked++;
      if (!existsSync(join(DOCS, target))) {
        problems.push(`${file}: docs/${target} does not exist`);
        continue;
      }
      if (m[2] !== undefined && !slugs(docText(target)).has(m[2])) problems.push(`${file}: docs/${target} has no heading #${m[2]}`);
    }
    // The form `docs/x.md, "Heading"` names a heading by its text.
    for (const m of text.matchAll(/\bdocs\/([\w-]+\.md), "([^"]+)"/g)) {
      checked++;
      if (!existsSync(join(DOCS, m[1]!)) || !headings(docText(m[1]!)).has(m[2]!)) problems.push(`${file}: docs/${m[1]} has no heading "${m[2]}"`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 20, `only ${checked} pointers found: the patterns no longer match the citations`);
});

test("code cites docs/, not notes outside the repository", () => {
  const stale = new RegExp(["reference ", "§|reference notes|ctar-", "reference\\.md"].join(""));
  const hits: string[] = [];
  for (const file of ["src", "test", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".md"]))) {
    if (file === SELF) continue;
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (stale.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  for (const file of ["README.md", ...filesUnder(DOCS, [".md"])]) {
    if (/reference notes/.test(readFileSync(join(REPO, file), "utf8"))) hits.push(`${file}: mentions the reference notes`);
  }
  assert.deepEqual(hits, []);
});

test("no machine-specific absolute paths in the code, examples, docs or README", () => {
  const machine = /(?<![\w.~-])\/(?:work|root|home|Users)\/[\w.-]/;
  const hits: string[] = [];
  const files = [
    ...["src", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".md", ".yaml", ".json", ".sh", ".sbatch", "Dockerfile"])),
    ...filesUnder(DOCS, [".md"]),
    "README.md",
    "package.json",
  ];
  for (const file of files) {
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (machine.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  assert.deepEqual(hits, []);
});
