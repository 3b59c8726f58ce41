/**
 * The docs test's own parts, on small pages: the `needs:` marker runs a block only where its
 * command is installed (and records the skip), and a marker is found past other HTML comments.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { tempDir } from "../helpers/paths.js";
import { docScript } from "./doc-script.js";
import { docBlocks } from "./markdown-blocks.js";

const PAGE = [
  "<!-- docs-test: needs: ctar-no-such-command-installed -->",
  "```sh",
  "echo ran > absent.txt",
  "```",
  "",
  "<!-- docs-test: needs: ctar-no-such-command-installed -->",
  "```text",
  "$ cat absent.txt",
  "ran",
  "```",
  "",
  "<!-- docs-test: needs: bash -->",
  "```sh",
  "echo ran > present.txt",
  "```",
  "",
  "<!-- docs-test: not run: a figure another test reads -->",
  "<!-- figure:begin -->",
  "```",
  "a figure",
  "```",
  "<!-- figure:end -->",
].join("\n");

test("needs: marks a block, and a marker is found past other HTML comments", () => {
  const { blocks, problems } = docBlocks(PAGE);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    blocks.map((b) => [b.role.kind, b.needs]),
    [
      ["shell", "ctar-no-such-command-installed"],
      ["output", "ctar-no-such-command-installed"],
      ["shell", "bash"],
      ["not-run", undefined],
    ],
  );
});

test("a block whose command is missing is skipped and recorded; one whose command is there runs", () => {
  const dir = tempDir();
  const script = join(dir, "script.sh");
  writeFileSync(script, docScript("page.md", docBlocks(PAGE).blocks));
  const r = spawnSync("bash", [script, dir], { cwd: dir, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(existsSync(join(dir, "absent.txt")), false);
  assert.equal(readFileSync(join(dir, "present.txt"), "utf8"), "ran\n");
  assert.deepEqual(readFileSync(join(dir, "skipped"), "utf8").trim().split("\n"), ["0", "1"]);
});
