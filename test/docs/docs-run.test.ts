/**
 * Documentation that runs: every block of README.md, of each page of docs/ and of each
 * examples/<name>/README.md is run (or compared, or checked as an excerpt) in a project outside the
 * repository that installs ctar from `npm pack`, with the commands exactly as written
 * (markdown-blocks.ts lists the roles). Each page runs in a folder of its own (its `node_modules`
 * a link to the project's), so a page must make in its own blocks every file it uses.
 * The only outside input is the documented variables CTAR_BASE and CTAR_TABLE3, set to the local
 * copies of the authors' data. Printed output must equal the README's, after normalising only
 * durations and the scratch folder's path. Blocks marked `not run` are listed with their reason.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CTAR_BASE, CTAR_TABLE3, REPO, needShared } from "../helpers/paths.js";
import { docScript, snippetBuild, tsSnippets } from "./doc-script.js";
import { DOC_PAGES, EXAMPLE_READMES } from "./doc-pages.js";
import { type DocBlock, docBlocks } from "./markdown-blocks.js";
import { type ScratchProject, scratchProject } from "./scratch-project.js";

/** The pages the test runs: the README, the pages of docs/, then each example folder's README. */
const READMES = [...DOC_PAGES, ...EXAMPLE_READMES];

/** The documented data variables (README, "The authors' data"). */
const DATA_VARS = { CTAR_BASE, CTAR_TABLE3 } as const;

/** The output as the page shows it: the page's folder as ".", the data folders by their variables. */
function asShown(text: string, scratch: string): string {
  let t = text.split(scratch).join(".");
  if (project !== undefined) t = t.split(project.dir).join(".");
  for (const [name, value] of Object.entries(DATA_VARS)) t = t.split(value).join(`$${name}`);
  return t
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}

/** What may differ between two runs of the same command: durations, and where the folders are. */
export function normalise(text: string, scratch: string): string {
  return asShown(text, scratch).replace(/\b\d+(?:\.\d+)?\s?(?:ms|s)\b/g, "<time>");
}

/**
 * CTAR_DOCS_UPDATE=1 writes the printed output into the README's output blocks instead of
 * comparing (the explicit flag for a deliberate change; review the diff before committing).
 */
const UPDATE = process.env["CTAR_DOCS_UPDATE"] === "1";

function rewriteOutputs(file: string, replacements: ReadonlyMap<number, string>): void {
  const lines = readFileSync(join(REPO, file), "utf8").split("\n");
  // From the bottom up, so earlier line numbers stay valid.
  for (const [line, text] of [...replacements].sort((a, b) => b[0] - a[0])) {
    let end = line;
    while (!lines[end]!.startsWith("```")) end++;
    const keep = lines[line]!.startsWith("$ ") ? 1 : 0;
    lines.splice(line + keep, end - line - keep, ...text.split("\n"));
  }
  writeFileSync(join(REPO, file), lines.join("\n"));
}

let project: ScratchProject;
const missing = needShared(CTAR_BASE) ?? needShared(CTAR_TABLE3);

before(() => {
  if (missing === undefined) project = scratchProject();
});

// The scratch project holds an installed node_modules: remove it (CTAR_DOCS_KEEP=1 keeps it to look at).
after(() => {
  if (missing === undefined && process.env["CTAR_DOCS_KEEP"] !== "1") rmSync(project.dir, { recursive: true, force: true });
});

test("every block of the README, docs/*.md and examples/*/README.md has a role the docs test knows", () => {
  const problems = READMES.flatMap((f) => docBlocks(readFileSync(join(REPO, f), "utf8")).problems.map((p) => `${f}:${p.line}: ${p.message}`));
  assert.deepEqual(problems, []);
  assert.ok(EXAMPLE_READMES.length >= 5, `only ${EXAMPLE_READMES.length} example READMEs: every example folder has one`);
  for (const d of readdirSync(join(REPO, "examples"))) assert.ok(READMES.includes(`examples/${d}/README.md`), `examples/${d} has no README.md`);
});

/** Where the compiled TypeScript snippets of every page are (built by the test below). */
const snippetDir = () => join(project.dir, ".docs-test", "snippets");

test("the TypeScript snippets of every page compile, as an ES module and as a CommonJS consumer", { skip: missing }, () => {
  const snippets = READMES.flatMap((f) => tsSnippets(f, docBlocks(readFileSync(join(REPO, f), "utf8")).blocks));
  mkdirSync(snippetDir(), { recursive: true });
  const script = join(snippetDir(), "build.sh");
  writeFileSync(script, snippetBuild(snippets));
  const env = { ...process.env, __TSC: join(project.dir, "node_modules/.bin/tsc") };
  const r = spawnSync("bash", [script, snippetDir()], { cwd: project.dir, env, encoding: "utf8" });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.ok(snippets.length >= 2, `only ${snippets.length} TypeScript snippets found`);
});

/** Checks an excerpt block: every non-blank line is a line of the shipped file. */
function checkExcerpt(file: string, b: DocBlock, path: string): void {
  assert.ok(project.packed.includes(path), `${file}:${b.line}: ${path} is not in the package`);
  const lines = new Set(readFileSync(join(REPO, path), "utf8").split("\n").map((l) => l.trimEnd()));
  for (const l of b.text.split("\n")) if (l.trim() !== "") assert.ok(lines.has(l.trimEnd()), `${file}:${b.line}: not a line of ${path}: ${l}`);
}

/**
 * Pages that need more than Node: Debian's Python with the modules the page imports (`.ci/run`
 * installs them). On a machine without them the page is skipped with the reason.
 */
const PAGE_NEEDS: Readonly<Record<string, readonly string[]>> = { "docs/python.md": ["pandas", "torch", "ensurepip", "pytest"] };

function pageSkip(file: string): string | undefined {
  const modules = PAGE_NEEDS[file];
  if (modules === undefined) return undefined;
  const r = spawnSync("/usr/bin/python3", ["-c", `import ${modules.join(", ")}`], { encoding: "utf8" });
  return r.status === 0 ? undefined : `${file} needs /usr/bin/python3 with ${modules.join(", ")} (Debian python3-pandas, python3-torch, python3-venv, python3-pytest; .ci/run installs them)`;
}

for (const file of READMES) {
  test(`${file}: every block runs and prints what it shows`, { skip: missing ?? pageSkip(file) }, (t) => {
    const { blocks } = docBlocks(readFileSync(join(REPO, file), "utf8"));
    const name = file.replace(/\W/g, "_");
    const state = join(project.dir, ".docs-test", name);
    const cwd = join(project.dir, "pages", name);
    mkdirSync(state, { recursive: true });
    mkdirSync(cwd, { recursive: true });
    symlinkSync(join(project.dir, "node_modules"), join(cwd, "node_modules"));
    const script = join(state, "script.sh");
    writeFileSync(script, docScript(file, blocks));
    const env = {
      ...process.env,
      ...DATA_VARS,
      PATH: `${join(project.dir, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
      __TS: snippetDir(),
    };
    const r = spawnSync("bash", [script, state], { cwd, env, encoding: "utf8" });
    // "done" has a line "i nanoseconds" per finished block, after a "start" line: the slowest are reported.
    const stamps = readText(join(state, "done")).split("\n").map((l) => l.split(" ").map(Number));
    const done = new Set(stamps.slice(1).map(([i]) => i));
    const slowest = stamps
      .slice(1)
      .map(([i, ns], k) => ({ i: i!, s: (ns! - stamps[k]![1]!) / 1e9 }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 8);
    const current = Number(readText(join(state, "current")) || "0");
    const at = (i: number) => `${file}:${blocks[i]?.line}`;
    assert.equal(r.status, 0, `${at(current)}: the block failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    assert.equal(done.size, blocks.length);
    const notRun: string[] = [];
    const skipped = new Set(readText(join(state, "skipped")).split("\n").filter((l) => l !== "").map(Number));
    const replacements = new Map<number, string>();
    blocks.forEach((b, i) => {
      const role = b.role;
      if (role.kind === "not-run") notRun.push(`${at(i)}: ${role.reason}`);
      if (skipped.has(i)) return void notRun.push(`${at(i)}: ${b.needs} is not installed`);
      if (role.kind === "excerpt") checkExcerpt(file, b, role.path);
      if (role.kind === "snippet" && role.language === "ts") {
        assert.equal(readText(join(state, `out-${i}-cjs`)), readText(join(state, `out-${i}`)), `${at(i)}: the CommonJS build prints otherwise`);
      }
      if (role.kind !== "output") return;
      const source = role.command === "previous" ? i - 1 : i;
      assert.ok(source >= 0 && blocks[source]!.role.kind !== "not-run", `${at(i)}: 'output of the block above' follows no run block`);
      assert.ok(!skipped.has(source), `${at(i)}: shows the output of a block that needs ${blocks[source]!.needs}: give it the same needs: marker`);
      const printed = readText(join(state, `out-${source}`));
      const got = normalise(printed, cwd);
      if (role.command !== "previous") assert.equal(Number(readText(join(state, `rc-${i}`))), role.exit, `${at(i)}: exit status of ${role.command}\n${got}`);
      if (UPDATE) replacements.set(b.line, asShown(printed, cwd));
      else assert.equal(got, normalise(role.expected, cwd), `${at(i)}: the output differs from the page's`);
    });
    if (UPDATE) rewriteOutputs(file, replacements);
    const counts = new Map<string, number>();
    for (const b of blocks) counts.set(b.role.kind, (counts.get(b.role.kind) ?? 0) + 1);
    t.diagnostic(`${file}: ${blocks.length} blocks (${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")})`);
    for (const n of notRun) t.diagnostic(`not run: ${n}`);
    if (slowest.length > 0) t.diagnostic(`slowest blocks: ${slowest.map((x) => `${at(x.i)} ${x.s.toFixed(1)} s`).join(", ")}`);
  });
}

function readText(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8").trim() : "";
}
