/**
 * The README ships in the package (and so do the example READMEs): every repository path they
 * point at must be in the tarball, as `npm pack --dry-run` lists it. Paths of the dataset layout
 * (`test/test_1.csv`, `train/`, …) are not repository paths; a clone-only command says "in a clone".
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO } from "../helpers/paths.js";

const DATASET_PATH = /^(?:DIR\/)?(?:test\/(?:test[\w{},*-]*\.csv)?|train\/|truth\/)/;

test("the shipped READMEs point only at files the package ships", () => {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: REPO, encoding: "utf8" });
  const [info] = JSON.parse(out) as { files: { path: string }[] }[];
  const shipped = info!.files.map((f) => f.path);
  const isShipped = (p: string) => shipped.some((f) => f === p || f.startsWith(p.endsWith("/") ? p : `${p}/`));
  const readmes = ["README.md", ...readdirSync(join(REPO, "examples")).map((d) => `examples/${d}/README.md`).filter((f) => existsSync(join(REPO, f)))];
  const problems: string[] = [];
  let checked = 0;
  for (const file of readmes) {
    assert.ok(shipped.includes(file), `${file} is not in the package`);
    readFileSync(join(REPO, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        for (const m of line.matchAll(/(?<![\w./$-])((?:src|test|bench|docs|examples|assets|dist\/src)\/[\w./{},*-]*)/g)) {
          const p = m[1]!.replace(/[.,]$/, "");
          if (DATASET_PATH.test(p) || /in a clone/.test(line)) continue;
          checked++;
          if (!isShipped(p)) problems.push(`${file}:${i + 1}: ${p}`);
        }
      });
  }
  assert.deepEqual(problems, []);
  assert.ok(checked >= 10, `only ${checked} paths found: the pattern no longer matches`);
});
