/**
 * Packaging: the built bin stays executable after any build, consumers of the package run no
 * install script, the package's `files` ship every file the README points its readers to, and
 * every file the sources' comments and messages cite ships too (the package holds `src/` beside
 * the compiled `dist/src/`, whose comments cite `src/…` and `docs/…`).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import { CLI, REPO, tempDir } from "../helpers/paths.js";

interface PackageJson {
  readonly license: string;
  readonly bin: Readonly<Record<string, string>>;
  readonly files: readonly string[];
  readonly scripts: Readonly<Record<string, string>>;
  readonly keywords?: readonly string[];
  readonly author?: string;
}

const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as PackageJson;
const readme = readFileSync(join(REPO, "README.md"), "utf8");

test("the bin is the built CLI, executable, with a node shebang", () => {
  assert.equal(join(REPO, pkg.bin["ctar"]!), CLI);
  // npm test has just rebuilt dist/ from scratch (npm run build), so this checks the build step.
  if (process.platform !== "win32") assert.ok((statSync(CLI).mode & 0o111) !== 0, `${CLI} is not executable`);
  assert.match(readFileSync(CLI, "utf8"), /^#!\/usr\/bin\/env node\n/);
});

test("consumers run no install script; the clone's prepare compiles src/ only", () => {
  for (const s of ["preinstall", "install", "postinstall"]) assert.equal(pkg.scripts[s], undefined, `scripts.${s}`);
  assert.match(pkg.scripts["prepare"]!, /build:src/);
  assert.match(pkg.scripts["build:src"]!, /tsconfig\.build\.json/);
  const build = JSON.parse(readFileSync(join(REPO, "tsconfig.build.json"), "utf8")) as { include: string[] };
  assert.deepEqual(build.include, ["src/**/*.ts"]);
});

test("the tarball's package.json has no prepare (npm 11 warns about it on installing a tarball): prepack drops it, postpack restores", () => {
  assert.match(pkg.scripts["prepack"]!, /&& npm run pack:drop-prepare$/);
  // the two scripts, run as npm runs them, on a copy of package.json
  const dir = tempDir();
  const original = readFileSync(join(REPO, "package.json"), "utf8");
  writeFileSync(join(dir, "package.json"), original);
  const run = (script: string) => execFileSync("npm", ["run", "--silent", script], { cwd: dir, encoding: "utf8" });
  run("pack:drop-prepare");
  const packed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageJson;
  assert.equal(packed.scripts["prepare"], undefined);
  assert.deepEqual({ ...packed.scripts, prepare: pkg.scripts["prepare"] }, { ...pkg.scripts });
  assert.equal(readFileSync(join(dir, ".package.json.unpacked"), "utf8"), original);
  run("postpack");
  assert.equal(readFileSync(join(dir, "package.json"), "utf8"), original);
  assert.ok(!existsSync(join(dir, ".package.json.unpacked")));
});

test("package.json's files exist and ship what the README points to", () => {
  for (const f of pkg.files) if (f !== "dist/src" && !f.startsWith("!")) assert.ok(existsSync(join(REPO, f)), `files: ${f} is missing`);
  for (const f of ["dist/src", "src", "README.md", "LICENSE", "docs"]) assert.ok(pkg.files.includes(f), `files lacks ${f}`);
  const shipped = (p: string) => pkg.files.some((f) => p === f || p.startsWith(`${f}/`));
  const referenced = new Set<string>();
  for (const m of readme.matchAll(/[`(]((?:docs|examples|assets)\/[^`)\s#]*)/g)) referenced.add(m[1]!.replace(/\/$/, ""));
  assert.ok(referenced.size >= 5, `only ${referenced.size} paths found in the README`);
  for (const p of referenced) {
    assert.ok(existsSync(join(REPO, p)), `README names ${p}, which does not exist`);
    assert.ok(shipped(p), `README names ${p}, which the package does not ship`);
  }
});

test("LICENSE is the MIT licence package.json declares", () => {
  assert.equal(pkg.license, "MIT");
  const text = readFileSync(join(REPO, "LICENSE"), "utf8");
  assert.match(text, /^MIT License\n\nCopyright \(c\) 2026 the ctar authors\n/);
  assert.ok((pkg.keywords ?? []).length > 0 && pkg.author !== undefined, "keywords and author");
});

/** Every .ts file under src/, relative to the repository. */
function sources(dir = join(REPO, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith(".ts") ? [relative(REPO, p)] : [];
  });
}

test("every repository file the sources cite ships with them (or is said to be in a clone)", () => {
  const shipped = (p: string) => pkg.files.some((f) => p === f || p.startsWith(`${f}/`));
  const problems: string[] = [];
  let checked = 0;
  for (const file of sources()) {
    const lines = readFileSync(join(REPO, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      // A citation may wrap: "in a clone" on the line or the one before counts.
      const clone = /in a\s*$|in a clone|clone,/.test(`${lines[i - 1] ?? ""} ${line}`);
      for (const m of line.matchAll(/(?<![\w./$-])((?:src|test|bench|docs|examples|assets)\/[\w./-]*\.(?:ts|md|mjs|js|json|yaml|css|html))\b/g)) {
        checked++;
        const p = m[1]!;
        if (!existsSync(join(REPO, p))) problems.push(`${file}:${i + 1}: ${p} does not exist`);
        else if (!shipped(p) && !clone) problems.push(`${file}:${i + 1}: ${p} is not in the package`);
      }
    });
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 50, `only ${checked} citations found: the pattern no longer matches`);
});
