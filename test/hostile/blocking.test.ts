/**
 * Files that never end or never start: a FIFO (a read waits for a writer forever) and a link to
 * /dev/zero (a read never ends) where a command expects a regular file. Every reader goes
 * through the one reader (src/io/fs/input.ts), which refuses both before reading: one line
 * naming the file, exit 3, nothing written (`validate` lists a table it refuses among the
 * dataset's problems, exit 1). Each case is killed after 60 s, so a reader that
 * blocks fails its case instead of hanging the suite.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure } from "./harness.js";
import { datasetCopy, parquetCopy, scratch } from "./fixtures.js";

const NEVER = { timeoutMs: 60_000 };
const fifoAt = (p: string) => {
  rmSync(p, { force: true });
  execFileSync("mkfifo", [p]);
};
const zeroAt = (p: string) => {
  rmSync(p, { force: true });
  symlinkSync("/dev/zero", p);
};
const SPECIALS: Array<[string, (p: string) => void, RegExp]> = [
  ["a FIFO", fifoAt, /not a regular file/],
  ["a link to /dev/zero", zeroAt, /not a regular file/],
];

/** Commands that read DS/config.json (and what they write, which must not appear). */
const CONFIG_READERS: Array<[string, (d: string, out: string) => string[]]> = [
  ["validate", (d) => ["validate", d]],
  ["ope", (d) => ["ope", d, "--policy", "popularity"]],
  ["verify", (d) => ["verify", d]],
  ["report", (d, out) => ["report", d, "--out", `${out}.html`]],
  ["export", (d, out) => ["export", d, "--to", "cornac", "--out", out]],
  ["card", (d) => ["card", d]],
  ["regenerate", (d, out) => ["regenerate", d, "--out", out]],
];

describe("config.json that blocks, for every command that reads it", { concurrency: 4 }, () => {
  for (const [kind, make, what] of SPECIALS) {
    for (const [name, args] of CONFIG_READERS) {
      it(`${name}: config.json is ${kind}`, async () => {
        const d = datasetCopy();
        make(join(d, "config.json"));
        const out = join(scratch(), "out");
        await expectFailure({ args: args(d, out), code: 3, match: new RegExp(`ds/config\\.json: ${what.source}`), absent: [out, `${out}.html`], options: NEVER });
      });
    }
  }
});

describe("tables that block", { concurrency: 4 }, () => {
  for (const [kind, make, what] of SPECIALS) {
    it(`validate: train/rating.csv is ${kind} (a problem of the dataset, listed; exit 1)`, async () => {
      const d = datasetCopy();
      make(join(d, "train/rating.csv"));
      const r = await expectFailure({ args: ["validate", d], code: 1, match: /ds: \d+ problems \(listed on stdout\)/, options: NEVER });
      assert.match(r.stdout, new RegExp(`^\\S*ds/train/rating\\.csv: ${what.source}`, "m"));
    });
    it(`stats: train/rating.parquet is ${kind}`, async () => {
      const d = parquetCopy();
      make(join(d, "train/rating.parquet"));
      await expectFailure({ args: ["stats", d], code: 3, match: new RegExp(`rating\\.parquet: ${what.source}`), options: NEVER });
    });
    it(`report: truth/user_tag.csv is ${kind}`, async () => {
      const d = datasetCopy();
      make(join(d, "truth/user_tag.csv"));
      const out = join(scratch(), "r.html");
      await expectFailure({ args: ["report", d, "--out", out], code: 3, match: new RegExp(`user_tag\\.csv: ${what.source}`), absent: [out], options: NEVER });
    });
    it(`export: test/test_2.csv is ${kind}`, async () => {
      const d = datasetCopy();
      make(join(d, "test/test_2.csv"));
      const out = join(scratch(), "exp");
      await expectFailure({ args: ["export", d, "--to", "recbole", "--out", out], code: 3, match: new RegExp(`test_2\\.csv: ${what.source}`), absent: [out], clean: [join(out, "..")], options: NEVER });
    });
  }
});

describe("graph files that block", { concurrency: 4 }, () => {
  for (const [kind, make, what] of SPECIALS) {
    it(`graph convert: the graph is ${kind}`, async () => {
      const g = join(scratch(), "g.yaml");
      make(g);
      await expectFailure({ args: ["graph", "convert", g, "--to", "json"], code: 3, match: new RegExp(`g\\.yaml: ${what.source}`), options: NEVER });
    });
    it(`explore --graph: the graph is ${kind} (refused before the server starts)`, async () => {
      const g = join(scratch(), "g.yaml");
      make(g);
      await expectFailure({ args: ["explore", "--graph", g, "--port", "0"], code: 3, match: new RegExp(`g\\.yaml: ${what.source}`), options: NEVER });
    });
  }
  it("graph convert: a graph of 2 MiB is refused before it is read", async () => {
    const g = join(scratch(), "big.yaml");
    writeFileSync(g, `name: x\n# ${"x".repeat(2 << 20)}\n`);
    await expectFailure({ args: ["graph", "convert", g, "--to", "json"], code: 3, match: /big\.yaml: 2\.0 MiB, more than the 1 MiB a graph file/ });
  });
});
