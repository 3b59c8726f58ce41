/**
 * Hostile dataset folders for every reader (stats, bench, ope, verify): each broken file is
 * named with its line, ids are checked before anything is sized by them, non-regular and
 * oversized files are refused, exit 3; `verify` also refuses any file that is not the one its
 * config.json regenerates. Each case runs on its own copy of a tiny valid dataset.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure, run } from "./harness.js";
import { datasetCopy, scratch, setLine } from "./fixtures.js";

type Reader = "stats" | "bench" | "ope" | "verify";
const READER_ARGS: Record<Reader, (d: string) => string[]> = {
  stats: (d) => ["stats", d],
  bench: (d) => ["bench", d, "--runs", "1", "--epochs", "1", "--models", "mf", "--workers", "1"],
  ope: (d) => ["ope", d, "--policy", "popularity"],
  verify: (d) => ["verify", d],
};

/** A way to break a copy of the dataset (in place), the readers that must refuse it, and what they must name. */
interface Breakage {
  readonly name: string;
  readonly breakIt: (d: string) => string | void;
  readonly readers: readonly Reader[];
  readonly match: RegExp;
}

const edit = (file: string, n: number, line: string) => (d: string) => {
  const f = join(d, file);
  const text = execFileSync("cat", [f], { encoding: "utf8" });
  writeFileSync(f, setLine(n, line)(text));
};
const replaceWith = (file: string, make: (p: string) => void) => (d: string) => {
  rmSync(join(d, file), { recursive: true, force: true });
  make(join(d, file));
};
const ALL: readonly Reader[] = ["stats", "bench", "ope", "verify"];

const breakages: Breakage[] = [
  { name: "a non-integer user id", breakIt: edit("train/rating.csv", 3, "abc,1,2"), readers: ALL, match: /train\/rating\.csv:3: / },
  { name: "a row with too few fields", breakIt: edit("train/rating.csv", 3, "1,2"), readers: ALL, match: /train\/rating\.csv:3: / },
  { name: "a user id of 2,000,000,000", breakIt: edit("train/rating.csv", 2, "2000000000,1,3"), readers: ["bench", "ope", "verify"], match: /train\/rating\.csv:2: / },
  { name: "a tag id beyond movie.csv's in obstag.csv", breakIt: edit("train/obstag.csv", 2, "0,2,999999"), readers: ["bench", "verify"], match: /train\/obstag\.csv:2: / },
  { name: "a blank line inside rcttag.csv", breakIt: edit("train/rcttag.csv", 3, ""), readers: ["stats", "bench", "verify"], match: /train\/rcttag\.csv:3: / },
  { name: "movie ids out of order", breakIt: edit("train/movie.csv", 3, '5,"1,2"'), readers: ["stats", "bench", "verify"], match: /train\/movie\.csv:3: / },
  { name: "an islike of 7", breakIt: edit("test/test_1.csv", 2, "0,1,7"), readers: ["bench", "verify"], match: /test\/test_1\.csv:2: / },
  { name: "a negative user in a test file", breakIt: edit("test/test_2.csv", 2, "-4,1,1"), readers: ["bench", "verify"], match: /test\/test_2\.csv:2: / },
  { name: "a liked tag of user 99999", breakIt: edit("truth/liked_tags.csv", 2, "99999,1"), readers: ["bench", "verify"], match: /truth\/liked_tags\.csv:2: / },
  { name: "a propensity of 7", breakIt: edit("truth/movie.csv", 2, "0,9553,4.05,314765,0,5.0,7"), readers: ["ope", "verify"], match: /truth\/movie\.csv:2: / },
  { name: "rating.csv is a FIFO", breakIt: replaceWith("train/rating.csv", (p) => execFileSync("mkfifo", [p])), readers: ALL, match: /train\/rating\.csv: not a regular file/ },
  { name: "rating.csv is a folder", breakIt: replaceWith("train/rating.csv", (p) => mkdirSync(p)), readers: ALL, match: /train\/rating\.csv/ },
  { name: "rating.csv is missing", breakIt: replaceWith("train/rating.csv", () => {}), readers: ALL, match: /train\/rating\.csv: (file not found|missing)/ },
  { name: "rating.csv is 600 MiB (sparse)", breakIt: (d) => truncateSync(join(d, "train/rating.csv"), 600 << 20), readers: ALL, match: /train\/rating\.csv/ },
  { name: "config.json is missing", breakIt: replaceWith("config.json", () => {}), readers: ["ope", "verify"], match: /config\.json: file not found/ },
  { name: "config.json is not JSON", breakIt: replaceWith("config.json", (p) => writeFileSync(p, "{ nope")), readers: ["ope", "verify"], match: /config\.json: not valid JSON/ },
  { name: "config.json is not ctar's", breakIt: (d) => edit("config.json", 2, '  "tool": "other",')(d), readers: ["ope", "verify"], match: /config\.json: / },
  { name: "config.json has a negative user count", breakIt: (d) => {
    const f = join(d, "config.json");
    const j = JSON.parse(execFileSync("cat", [f], { encoding: "utf8" }));
    j.config.users = -3;
    writeFileSync(f, JSON.stringify(j));
  }, readers: ["ope", "verify"], match: /config\.json: config: option users/ },
  { name: "the dataset is a file", breakIt: (d) => {
    rmSync(d, { recursive: true });
    writeFileSync(d, "x");
  }, readers: ALL, match: /ds/ },
  { name: "the dataset does not exist", breakIt: (d) => rmSync(d, { recursive: true }), readers: ALL, match: /ds/ },
  { name: "an extra file in the folder", breakIt: (d) => writeFileSync(join(d, "train/notes.txt"), "mine"), readers: ["verify"], match: /train\/notes\.txt: not a file of this dataset/ },
  { name: "a changed rating", breakIt: edit("train/rating.csv", 4, "0,0,1"), readers: ["verify"], match: /train\/rating\.csv:4: differs from the regeneration/ },
];

describe("hostile dataset folders", { concurrency: 6 }, () => {
  for (const b of breakages) {
    for (const reader of b.readers) {
      it(`${reader}: ${b.name}`, async () => {
        const d = datasetCopy();
        b.breakIt(d);
        await expectFailure({ args: READER_ARGS[reader](d), code: 3, match: b.match });
      });
    }
  }
});

describe("bench without RCT labels", { concurrency: 2 }, () => {
  const noRct = () => datasetCopy({ "train/rcttag.csv": () => "userid,movieid,tagid\n" });
  it("runs the models that do not need them and says which were skipped", async () => {
    const r = await run(["bench", noRct(), "--runs", "1", "--epochs", "1", "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^ctar: warning: .*rcttag\.csv has no RCT labels: skipped mf-ips, cause-ctar \(they need them\); running mf\n$/);
    assert.match(r.stdout, /^\| mf \|/m);
    assert.doesNotMatch(r.stdout, /^\| mf-ips \|/m);
  });
  it("fails, exit 3, when every model asked needs them", async () => {
    await expectFailure({ args: ["bench", noRct(), "--models", "mf-ips,dr-jl", "--runs", "1", "--epochs", "1"], code: 3, match: /rcttag\.csv: no RCT labels, and every model asked \(mf-ips, dr-jl\) needs them/ });
  });
});

const policy = (text: string) => () => {
  const p = join(scratch(), "policy.csv");
  writeFileSync(p, text);
  return p;
};
// A --policy that is neither a built-in policy nor an existing file is a usage error (exit 2).
describe("hostile ope policy: a missing file", () => {
  it("is an unknown policy, exit 2", async () => {
    await expectFailure({ args: ["ope", datasetCopy(), "--policy", join(scratch(), "none.csv")], code: 2, match: /unknown policy '.*none\.csv', and no such file/ });
  });
});

const policies: Array<[string, () => string, RegExp]> = [
  ["a policy folder", () => scratch(), /: is a folder/],
  ["a policy FIFO", () => {
    const p = join(scratch(), "p.csv");
    execFileSync("mkfifo", [p]);
    return p;
  }, /p\.csv: not a regular file/],
  ["a user out of range", policy("userid,movieid,score\n0,1,1\n999,1,2\n"), /policy\.csv:3: userid 999 out of range/],
  ["a pair scored twice", policy("userid,movieid,score\n0,1,1\n0,1,2\n"), /policy\.csv:3: user 0, movie 1 is scored twice \(first on line 2\)/],
  ["a score that is not a number", policy("userid,movieid,score\n0,1,high\n"), /policy\.csv:2: column 'score' is not a number/],
  ["no rows", policy("userid,movieid,score\n"), /policy\.csv: no rows/],
];

describe("hostile ope policy files", { concurrency: 4 }, () => {
  for (const [name, make, match] of policies) {
    it(name, async () => {
      await expectFailure({ args: ["ope", datasetCopy(), "--policy", make()], code: 3, match });
    });
  }
});
