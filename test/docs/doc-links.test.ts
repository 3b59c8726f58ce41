/**
 * The repository stands alone: every relative link of the README, the docs and the example READMEs
 * reaches a file, and its anchor a heading (GitHub's rules); every pointer into docs/ or to a README
 * section (from code comments, messages and the pages) names a file and a heading that exist; the
 * code cites docs/ rather than notes outside the repository; and no machine-specific absolute path
 * is left in what ships or is read.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";
import { DOC_PAGES, EXAMPLE_READMES } from "./doc-pages.js";

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

/** The lines of `markdown` outside fenced code blocks, with their 1-based numbers. */
function prose(markdown: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && f !== undefined) fence = f;
    else if (fence !== undefined && f !== undefined && f.startsWith(fence)) fence = undefined;
    else if (fence === undefined) out.push([i + 1, line]);
  });
  return out;
}

/**
 * GitHub's heading anchor (as github-slugger makes it, on the rendered text: a link shows its text,
 * code its content): lower case, every character that is not a letter, digit, mark, connector
 * (`_`), space or hyphen dropped, each space a hyphen (runs are not merged), repeats numbered -1, -2….
 */
export function slugs(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, line] of prose(markdown)) {
    const m = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (m === null) continue;
    const text = m[1]!.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]+>/g, "");
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}\p{Pc}\s-]/gu, "").replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function headings(markdown: string): Set<string> {
  return new Set(prose(markdown).flatMap(([, l]) => /^#{1,6}\s+(.*?)\s*$/.exec(l)?.[1] ?? []));
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

/** Every `[text](target)` of a page's prose (inline code left out), with its line. */
function links(markdown: string): Array<{ line: number; target: string }> {
  const out: Array<{ line: number; target: string }> = [];
  for (const [line, text] of prose(markdown)) {
    const plain = text.replace(/`[^`]*`/g, "``");
    for (const m of plain.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line, target: m[1]! });
  }
  return out;
}

/** Why a relative link of `file` does not resolve, or undefined when it does. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z+.-]*:/i.test(target)) return undefined; // https:, mailto: …
  const [path, anchor] = target.split("#", 2) as [string, string | undefined];
  const resolved = path === "" ? file : normalize(join(dirname(file), decodeURIComponent(path)));
  if (resolved.startsWith("..")) return `${target} leaves the repository`;
  if (!existsSync(join(REPO, resolved))) return `${target}: ${resolved} does not exist`;
  if (anchor === undefined) return undefined;
  if (!resolved.endsWith(".md")) return `${target}: an anchor into a file that is not Markdown`;
  if (!slugs(readFileSync(join(REPO, resolved), "utf8")).has(anchor)) return `${target}: ${resolved} has no heading #${anchor}`;
  return undefined;
}

test("slugs keeps what GitHub keeps: underscores, runs of hyphens, letters beyond ASCII", () => {
  assert.deepEqual([...slugs("## Regenerating a dataset (`ctar regenerate`, `generate --config DIR/config.json`)\n## Interventions (`--do`)\n## τ and τ′ of [the paper](https://x)\n```\n## not a heading\n```")], [
    "regenerating-a-dataset-ctar-regenerate-generate---config-dirconfigjson",
    "interventions---do",
    "τ-and-τ-of-the-paper",
  ]);
});

test("every relative link and anchor of the README, docs/ and the example READMEs resolves", () => {
  const problems: string[] = [];
  let checked = 0;
  for (const file of [...DOC_PAGES, ...EXAMPLE_READMES]) {
    for (const { line, target } of links(readFileSync(join(REPO, file), "utf8"))) {
      checked++;
      const why = brokenLink(file, target);
      if (why !== undefined) problems.push(`${file}:${line}: ${why}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 100, `only ${checked} links found: the pattern no longer matches the pages' links`);
});

test("a link checker that finds what it should", () => {
  assert.equal(brokenLink("docs/architecture.md", "docs/architecture.md"), "docs/architecture.md: docs/docs/architecture.md does not exist");
  assert.match(brokenLink("README.md", "#no-such-heading") ?? "", /README\.md has no heading #no-such-heading/);
  assert.equal(brokenLink("docs/graph.md", "../README.md#set-up"), undefined);
  assert.equal(brokenLink("README.md", "https://github.com/KID-22/CTAR"), undefined);
  assert.deepEqual(links("a [x](y.md#z) `[no](link)` [b](c.md \"title\")\n```\n[in](code)\n```"), [
    { line: 1, target: "y.md#z" },
    { line: 1, target: "c.md" },
  ]);
});

test("every citation of a README section names a heading of the README", () => {
  const readme = headings(readFileSync(join(REPO, "README.md"), "utf8"));
  const sources = [
    ...["src", "test", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".js", ".md", ".yaml", ".sh"])),
    ...DOC_PAGES,
  ];
  const problems: string[] = [];
  let checked = 0;
  for (const file of sources) {
    if (file === SELF) continue;
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        // README "Heading", README, "Heading", the README's "Heading"
        for (const m of line.matchAll(/\bREADME(?:'s|,)?\s+"([^"]+)"/g)) {
          checked++;
          if (!readme.has(m[1]!)) problems.push(`${file}:${i + 1}: README.md has no heading "${m[1]}"`);
        }
      });
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 3, `only ${checked} citations found: the pattern no longer matches`);
});

test("every docs/ pointer in code and Markdown names an existing file and anchor", () => {
  const sources = [
    ...["src", "test", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".js", ".md", ".yaml", ".sh"])),
    ...DOC_PAGES,
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

test("code and pages cite docs/, not notes outside the repository", () => {
  // The design notes that once sat beside the repository, by the names the code used to cite them.
  const stale = new RegExp(["reference ", "§|reference notes|ctar-", "reference\\.md|engine-", "notes|research-", "tasks|shared/", "docs|\\bstyle\\.", "md\\b"].join(""));
  const hits: string[] = [];
  for (const file of ["src", "test", "bench", "examples"].flatMap((d) => filesUnder(join(REPO, d), [".ts", ".mjs", ".md"]))) {
    if (file === SELF) continue;
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (stale.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
      });
  }
  for (const file of DOC_PAGES) {
    const text = readFileSync(join(REPO, file), "utf8");
    if (/reference notes/.test(text) || stale.test(text)) hits.push(`${file}: cites notes outside the repository`);
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
