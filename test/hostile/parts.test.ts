/**
 * `ctar merge` trusts nothing in a part: every file carries the SHA-256 the shard run recorded
 * in part.json, and part.json itself a digest of its rows, pools and tallies. A changed row, a
 * changed digit, a changed byte of the counts file, a truncated file, an edited part.json, a
 * FIFO or a folder where a file belongs: one line naming the part's file, exit 3, no output and
 * no litter. The untouched parts merge into the one-machine dataset (the sanity case).
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure, run } from "./harness.js";
import { baseDataset, partsCopy, scratch, setLine } from "./fixtures.js";

const editText = (file: string, edit: (t: string) => string) => (part: string) => writeFileSync(join(part, file), edit(readFileSync(join(part, file), "utf8")));
const editJson = (edit: (j: Record<string, any>) => void) => (part: string) => {
  const f = join(part, "part.json");
  const j = JSON.parse(readFileSync(f, "utf8"));
  edit(j);
  writeFileSync(f, `${JSON.stringify(j, null, 2)}\n`);
};
const replaceWith = (file: string, make: (p: string) => void) => (part: string) => {
  rmSync(join(part, file), { force: true });
  make(join(part, file));
};

const tampering: Array<[string, (part: string) => void, RegExp]> = [
  ["a changed row of rating.csv", editText("train/rating.csv", setLine(2, "0,0,1")), /part-1\/train\/rating\.csv: its SHA-256 differs from the one part\.json records/],
  ["one changed digit in obstag.csv", editText("train/obstag.csv", (t) => t.replace(/(\d)\n/, (_, d: string) => `${(Number(d) + 1) % 10}\n`)), /part-1\/train\/obstag\.csv: its SHA-256 differs/],
  ["a changed byte of rating-counts.bin", (p) => {
    const f = join(p, "rating-counts.bin");
    const b = readFileSync(f);
    b[0] = b[0]! ^ 1;
    writeFileSync(f, b);
  }, /part-1\/rating-counts\.bin: its SHA-256 differs/],
  ["truth/user_tag.csv cut in half", (p) => {
    const f = join(p, "truth/user_tag.csv");
    truncateSync(f, Math.floor(readFileSync(f).length / 2));
  }, /part-1\/truth\/user_tag\.csv: its SHA-256 differs/],
  ["part.json's row count edited", editJson((j) => (j.rows["train/rating.csv"] += 1)), /part-1\/part\.json: its contents do not match the digest/],
  ["part.json's pools edited", editJson((j) => (j.pools[0] += 1)), /part-1\/part\.json: its contents do not match the digest/],
  ["part.json without checksums", editJson((j) => {
    delete j.sha256;
    delete j.digest;
  }), /part-1\/part\.json: records no checksums/],
  ["rating.csv is a FIFO", replaceWith("train/rating.csv", (p) => execFileSync("mkfifo", [p])), /part-1\/train\/rating\.csv: not a regular file/],
  ["rating.csv is a folder", replaceWith("train/rating.csv", (p) => mkdirSync(p)), /part-1\/train\/rating\.csv: is a folder/],
  ["rating-counts.bin is a link to /dev/zero", replaceWith("rating-counts.bin", (p) => execFileSync("ln", ["-s", "/dev/zero", p])), /part-1\/rating-counts\.bin: not a regular file/],
  ["part.json is a FIFO", replaceWith("part.json", (p) => execFileSync("mkfifo", [p])), /part-1\/part\.json: not a regular file/],
];

describe("merge verifies every part before anything is written", { concurrency: 4 }, () => {
  for (const [name, tamper, match] of tampering) {
    it(name, async () => {
      const parts = partsCopy(tamper);
      const out = join(parts[0], "..", "merged");
      // killed after 60 s: a merge that blocks on a FIFO fails its case instead of hanging the suite
      await expectFailure({ args: ["merge", ...parts, "--out", out], code: 3, match, absent: [out], clean: [join(out, "..")], options: { timeoutMs: 60_000 } });
    });
  }
  it("untouched parts merge into the one-machine dataset, byte for byte", async () => {
    const parts = partsCopy();
    const out = join(scratch(), "merged");
    const r = await run(["merge", ...parts, "--out", out, "--quiet"]);
    assert.equal(r.status, 0, r.stderr);
    const files = (d: string) => readdirSync(d, { recursive: true, encoding: "utf8" }).sort();
    assert.deepEqual(files(out), files(baseDataset()));
    for (const f of ["train/rating.csv", "train/obstag.csv", "truth/user_tag.csv", "config.json"]) assert.equal(readFileSync(join(out, f), "utf8"), readFileSync(join(baseDataset(), f), "utf8"), f);
  });
});
