/** The README documents every generator option, and every example configuration is valid. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { parseCtarConfig } from "../../src/config/parse-config.js";
import { readConfigFile } from "../../src/io/inputs/load-config.js";
import { REPO } from "../helpers/paths.js";

const readme = readFileSync(join(REPO, "README.md"), "utf8");

test("every generator flag and config key is in the README's option table", () => {
  for (const o of CTAR_OPTIONS) {
    assert.ok(readme.includes(`| \`--${o.flag}\` | \`${o.path.join(".")}\` |`), `README lacks the row of --${o.flag}`);
  }
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
