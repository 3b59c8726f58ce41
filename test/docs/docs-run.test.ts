/**
 * Documentation that runs: every block of README.md and of each examples/<name>/README.md is run
 * (or compared, or checked as an excerpt) in a project outside the repository that installs ctar
 * from `npm pack`, with the commands exactly as written (markdown-blocks.ts lists the roles).
 * The only outside input is the documented variables CTAR_BASE and CTAR_TABLE3, set to the local
 * copies of the authors' data. Printed output must equal the README's, after normalising only
 * durations and the scratch folder's path. Blocks marked `not run` are listed with their reason.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { CTAR_BASE, CTAR_TABLE3, REPO, needShared } from "../helpers/paths.js";
import { docScript } from "./doc-script.js";
import { type DocBlock, docBlocks } from "./markdown-blocks.js";
import { type ScratchProject, scratchProject } from "./scratch-project.js";

/** The READMEs the test runs: the package's, then each example folder's. */
const READMES = [
  "README.md",
  ...readdirSync(join(REPO, "examples"))
    .filter((d) => existsSync(join(REPO, "examples", d, "README.md")))
    .sort()
    .map((d) => `examples/${d}/README.md`),
];

/** The documented data variables (README, "Where the data comes from"). */
const DATA_VARS = { CTAR_BASE, CTAR_TABLE3 } as const;

/** The output as the README shows it: the scratch folder as ".", the data folders by their variables. */
function asShown(text: string, scratch: string): string {
  let t = text.split(scratch).join(".");
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

test("every README and examples/*/README.md block has a role the docs test knows", () => {
  const problems = READMES.flatMap((f) => docBlocks(readFileSync(join(REPO, f), "utf8")).problems.map((p) => `${f}:${p.line}: ${p.message}`));
  assert.deepEqual(problems, []);
  assert.ok(READMES.length >= 6, `only ${READMES.length} READMEs: every example folder has one`);
  for (const d of readdirSync(join(REPO, "examples"))) assert.ok(READMES.includes(`examples/${d}/README.md`), `examples/${d} has no README.md`);
});

/** Checks an excerpt block: every non-blank line is a line of the shipped file. */
function checkExcerpt(file: string, b: DocBlock, path: string): void {
  assert.ok(project.packed.includes(path), `${file}:${b.line}: ${path} is not in the package`);
  const lines = new Set(readFileSync(join(REPO, path), "utf8").split("\n").map((l) => l.trimEnd()));
  for (const l of b.text.split("\n")) if (l.trim() !== "") assert.ok(lines.has(l.trimEnd()), `${file}:${b.line}: not a line of ${path}: ${l}`);
}

for (const file of READMES) {
  test(`${file}: every block runs and prints what it shows`, { skip: missing }, (t) => {
    const { blocks } = docBlocks(readFileSync(join(REPO, file), "utf8"));
    const state = join(project.dir, ".docs-test", file.replace(/\W/g, "_"));
    mkdirSync(state, { recursive: true });
    const script = join(state, "script.sh");
    writeFileSync(script, docScript(blocks));
    const env = {
      ...process.env,
      ...DATA_VARS,
      PATH: `${join(project.dir, "node_modules/.bin")}:${process.env["PATH"] ?? ""}`,
      __TSC: join(project.dir, "node_modules/.bin/tsc"),
    };
    const r = spawnSync("bash", [script, state], { cwd: project.dir, env, encoding: "utf8" });
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
    const replacements = new Map<number, string>();
    blocks.forEach((b, i) => {
      const role = b.role;
      if (role.kind === "not-run") notRun.push(`${at(i)}: ${role.reason}`);
      if (role.kind === "excerpt") checkExcerpt(file, b, role.path);
      if (role.kind === "snippet" && role.language === "ts") {
        assert.equal(readText(join(state, `out-${i}-cjs`)), readText(join(state, `out-${i}`)), `${at(i)}: the CommonJS build prints otherwise`);
      }
      if (role.kind !== "output") return;
      const source = role.command === "previous" ? i - 1 : i;
      assert.ok(source >= 0 && blocks[source]!.role.kind !== "not-run", `${at(i)}: 'output of the block above' follows no run block`);
      const printed = readText(join(state, `out-${source}`));
      const got = normalise(printed, project.dir);
      if (role.command !== "previous") assert.equal(Number(readText(join(state, `rc-${i}`))), role.exit, `${at(i)}: exit status of ${role.command}\n${got}`);
      if (UPDATE) replacements.set(b.line, asShown(printed, project.dir));
      else assert.equal(got, normalise(role.expected, project.dir), `${at(i)}: the output differs from the README's`);
    });
    if (UPDATE) rewriteOutputs(file, replacements);
    const counts = new Map<string, number>();
    for (const b of blocks) counts.set(b.role.kind, (counts.get(b.role.kind) ?? 0) + 1);
    t.diagnostic(`${file}: ${blocks.length} blocks (${[...counts].map(([k, n]) => `${n} ${k}`).join(", ")})`);
    for (const n of notRun) t.diagnostic(`not run: ${n}`);
    t.diagnostic(`slowest blocks: ${slowest.map((x) => `${at(x.i)} ${x.s.toFixed(1)} s`).join(", ")}`);
  });
}

function readText(path: string): string {
  return existsSync(path) ? readFileSync(path, "utf8").trim() : "";
}
