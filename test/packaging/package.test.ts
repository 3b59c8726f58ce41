/**
 * Packaging: the built bin stays executable after any build, consumers of the package run no
 * install script, and the package's `files` ship every file the README points its readers to.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, REPO } from "../helpers/paths.js";

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

test("package.json's files exist and ship what the README points to", () => {
  for (const f of pkg.files) if (f !== "dist/src") assert.ok(existsSync(join(REPO, f)), `files: ${f} is missing`);
  for (const f of ["dist/src", "README.md", "LICENSE", "docs"]) assert.ok(pkg.files.includes(f), `files lacks ${f}`);
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
