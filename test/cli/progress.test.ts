/**
 * The progress line: on a terminal, long runs print one updating stderr line (users done / total,
 * rate, ETA); nothing when stderr is not a terminal, and nothing with --quiet. The terminal is a
 * real pseudo-terminal from util-linux `script`.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, ctar, tempDir } from "../helpers/paths.js";

const ARGS = ["generate", "--users", "20000", "--movies", "300", "--workers", "2", "--test2-draws", "500", "--test2-positives", "150", "--test3-draws", "500", "--test3-positives", "150"];
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;

function onTerminal(args: readonly string[]): string {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
  const r = spawnSync("script", ["-q", "-e", "-c", `${command} >/dev/null`, "/dev/null"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return r.stdout; // the terminal's output: what the program wrote to stderr
}

test("on a terminal: one updating line with users done, total, rate and ETA; none with --quiet", { skip: hasScript ? false : "util-linux 'script' is not installed" }, () => {
  const root = tempDir();
  const shown = onTerminal([...ARGS, "--out", join(root, "a")]);
  assert.match(shown, /\r\x1b\[2Kctar: [\d,]+ \/ 20,000 users, [\d,]+ users\/s, ETA \d+ s/);
  assert.match(shown, /\r\x1b\[2K$/, "the line is cleared at the end");
  assert.doesNotMatch(shown, /\n/, "one line, rewritten in place");
  assert.equal(onTerminal([...ARGS, "--out", join(root, "b"), "--quiet"]), "");
});

test("not a terminal: no progress line", () => {
  const r = ctar([...ARGS, "--out", join(tempDir(), "c")]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, "");
});
