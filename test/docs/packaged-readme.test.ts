/**
 * The README ships in the package, and so do the pages of docs/ and the example READMEs: every
 * repository path they point at must be in the tarball, as `npm pack --dry-run` lists it. Paths of
 * the dataset layout (`test/test_1.csv`, the table `test/test_1`, `train/`, …) are not repository paths; a line about the
 * clone only (its tests, its benchmarks) says "in a clone".
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";
import { DOC_PAGES, EXAMPLE_READMES } from "./doc-pages.js";

/** The contributors' page, about a clone: it says so at its top, and its test/ and bench/ paths are the clone's. */
const CLONE_PAGES = new Set(["docs/architecture.md"]);
const CLONE_ONLY = /^(?:test|bench)\//;

const DATASET_PATH = /^(?:DIR\/)?(?:test\/(?:test[\w{},*-]*\.(?:csv|parquet)|test(?:_\d)?)?$|train\/|truth\/)/;

/** A path with `*` (any characters but `/`) as a regular expression. */
const glob = (p: string) => new RegExp(`^${p.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")}$`);

test("the shipped README, docs and example READMEs point only at files the package ships", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8" });
  const [info] = JSON.parse(out) as { files: { path: string }[] }[];
  const shipped = info!.files.map((f) => f.path);
  const isShipped = (p: string) => shipped.some((f) => f === p || f.startsWith(p.endsWith("/") ? p : `${p}/`));
  const readmes = [...DOC_PAGES, ...EXAMPLE_READMES];
  const problems: string[] = [];
  let checked = 0;
  for (const file of readmes) {
    assert.ok(shipped.includes(file), `${file} is not in the package`);
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const m of line.matchAll(/(?<![\w./$-])((?:src|test|bench|docs|examples|assets|dist\/src)\/[\w./{},*-]*)/g)) {
          const p = m[1]!.replace(/[.,]$/, "");
          if (DATASET_PATH.test(p) || /in a clone/.test(line) || (CLONE_PAGES.has(file) && CLONE_ONLY.test(p))) continue;
          // A folder of src/ named on its own (`bench/`, `bench/dataset.ts` in a list of src/'s folders).
          if (!p.startsWith("src/") && existsSync(join(REPO, "src", p.replace(/\*.*$/, "")))) continue;
          checked++;
          if (!(p.includes("*") ? shipped.some((f) => glob(p).test(f)) : isShipped(p))) problems.push(`${file}:${i + 1}: ${p}`);
        }
      });
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 10, `only ${checked} paths found: the pattern no longer matches`);
});
