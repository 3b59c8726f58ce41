/**
 * The README's set-up is two commands, docs/generate.md documents every generator option, and every
 * example configuration is valid.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { readConfigFile } from "../../src/io/inputs/load-config.js";
import { buildProgram } from "../../src/cli/program.js";
import { REPO } from "../helpers/paths.js";
import { GENERATE_PAGE, pageText } from "./doc-pages.js";

const readme = readFileSync(join(REPO, "README.md"), "utf8");

test("every generator flag and config key is in the option table of docs/generate.md", () => {
  const page = pageText(GENERATE_PAGE);
  for (const o of CTAR_OPTIONS) {
    assert.ok(page.includes(`| \`--${o.flag}\` | \`${o.path.join(".")}\` |`), `${GENERATE_PAGE} lacks the row of --${o.flag}`);
  }
});

test("the README's command table has a row, with a link to its page, for every command `ctar --help` lists", async () => {
  const names = (await buildProgram()).commands.map((c) => c.name());
  assert.ok(names.length >= 10);
  for (const name of names) assert.match(readme, new RegExp(`^\\| \`ctar ${name}\` \\| [^|]+ \\| \\[[^\\]]+\\]\\(docs/[\\w-]+\\.md[^)]*\\)`, "m"), `README.md: no row for ctar ${name}`);
});

test("the README is a front door: at most 300 lines", () => {
  const lines = readme.split("\n").length;
  assert.ok(lines <= 300, `README.md has ${lines} lines: the reference belongs in docs/`);
});

test("the README's set-up is two commands: the main job and the tests", () => {
  assert.match(readme, /npm ci && npx ctar generate --out ctar-data/);
  assert.match(readme, /npm ci && npm test/);
});

test("every example configuration parses", () => {
  const dir = join(REPO, "examples/configs");
  const files = readdirSync(dir).filter((f) => /\.(json|ya?ml)$/.test(f));
  assert.ok(files.length >= 2);
  for (const f of files) parseCtarConfig(readConfigFile(join(dir, f)), f);
});
