/**
 * Every writer's target of every kind it must not replace: a FIFO, a link to /dev/null and a link
 * to a folder, for the folder writers (generate, export, bench, merge --out) and the file writers
 * (report --out, ope --save-policy, graph draw --out, graph convert --out). Each is refused by the
 * one writer (src/io/fs/output.ts) before any work: one line naming the target, exit 5, the
 * target left the kind it was, no litter beside it.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../helpers/paths.js";
import { expectFailure } from "./harness.js";
import { SMALL, baseParts, datasetCopy, scratch } from "./fixtures.js";

/** [kind, make it at p, its lstat kind afterwards] */
const KINDS: Array<[string, (p: string) => void, (p: string) => boolean]> = [
  ["a FIFO", (p) => execFileSync("mkfifo", [p]), (p) => lstatSync(p).isFIFO()],
  ["a link to /dev/null", (p) => symlinkSync("/dev/null", p), (p) => lstatSync(p).isSymbolicLink()],
  ["a link to a folder", (p) => {
    mkdirSync(`${p}-folder`);
    symlinkSync(`${p}-folder`, p);
  }, (p) => lstatSync(p).isSymbolicLink()],
];

const FOLDER_SAYS = "(exists and is not a folder|is a symbolic link)";
const FILE_SAYS = "not a regular file";
/** [writer, args given the target, what the message says after the target's name] */
const WRITERS: Array<[string, (t: string) => string[], string]> = [
  ["generate --out", (t) => ["generate", "--out", t, ...SMALL], FOLDER_SAYS],
  ["export --out", (t) => ["export", datasetCopy(), "--to", "cornac", "--out", t], FOLDER_SAYS],
  ["bench --out", (t) => ["bench", datasetCopy(), "--out", t, "--runs", "1", "--epochs", "1", "--models", "mf"], FOLDER_SAYS],
  ["merge --out", (t) => ["merge", ...baseParts(), "--out", t], FOLDER_SAYS],
  ["report --out", (t) => ["report", datasetCopy(), "--out", t], FILE_SAYS],
  ["ope --save-policy", (t) => ["ope", datasetCopy(), "--policy", "popularity", "--save-policy", t], FILE_SAYS],
  ["graph draw --out", (t) => ["graph", "draw", "--format", "dot", "--out", t], FILE_SAYS],
  ["graph convert --out", (t) => {
    const g = join(scratch(), "g.json");
    writeFileSync(g, execFileSync(process.execPath, [CLI, "graph", "show", "--format", "json"], { encoding: "utf8" }));
    return ["graph", "convert", g, "--to", "yaml", "--out", t];
  }, FILE_SAYS],
];

describe("every writer refuses a target that is not a regular file or folder", { concurrency: 6 }, () => {
  for (const [writer, args, says] of WRITERS) {
    for (const [kind, make, still] of KINDS) {
      it(`${writer} at ${kind}`, async () => {
        const d = scratch();
        const t = join(d, "target");
        make(t);
        await expectFailure({ args: args(t), code: 5, match: new RegExp(`target: ${says}`), clean: [d], options: { timeoutMs: 60_000 } });
        assert.ok(still(t), `${t} is no longer ${kind}`);
      });
    }
  }
});
