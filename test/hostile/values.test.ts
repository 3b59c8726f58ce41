/**
 * Hostile values: numbers in other notations than decimal (0x10), counts past what a run can hold
 * (--replicates 1e9, seeds past 2^53 − 1, a shard count of 20 digits, 1000 bench workers), names
 * given twice (a model, a policy column), empty or impossible values (an empty d-separation set,
 * 30 February, islike 2, a catalog rating 7.5, a dataset with no OBS labels), unknown names (a
 * policy) and binary bytes quoted in a message. Each is one line naming the option or file:line,
 * with its documented exit code, and nothing written.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../helpers/paths.js";
import { expectFailure, run } from "./harness.js";
import { SMALL, baseDataset, datasetCopy, scratch, setLine } from "./fixtures.js";

const BENCH = ["--runs", "1", "--epochs", "1", "--workers", "1"];

describe("numbers: decimal only, and within what a run can hold", { concurrency: 4 }, () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["--seed 0x10", ["--seed", "0x10"], /^ctar: --seed: expected a number \(got '0x10'\)/],
    ["--users 0b11", ["--users", "0b11"], /^ctar: --users: expected a number \(got '0b11'\)/],
    ["--workers 0x2", ["--workers", "0x2"], /^ctar: --workers: expected a whole number from 1 to 256 \(got '0x2'\)/],
    ["--shard 0/9999999999999999999", ["--shard", "0/9999999999999999999"], /^ctar: --shard: the number of shards N must be a whole number ≥ 1 \(got '9999999999999999999'\)/],
    ["--replicates 1e9", ["--replicates", "1e9"], /^ctar: --replicates: expected a whole number from 1 to 10000 \(got '1e9'\)/],
    ["--replicates 0x3", ["--replicates", "0x3"], /^ctar: --replicates: expected a whole number from 1 to 10000 \(got '0x3'\)/],
    ["--seed 9007199254740990 --replicates 3", ["--seed", "9007199254740990", "--replicates", "3"], /^ctar: --replicates 3: with --seed 9007199254740990 the last seed would be 9007199254740992, above 9007199254740991/],
  ];
  for (const [name, args, match] of cases) {
    it(`generate ${name}`, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--out", out, "--quiet", ...SMALL, ...args], code: 2, match, absent: [out], clean: [join(out, "..")] });
    });
  }
  it("--seed 9007199254740989 --replicates 3 (the last seed is 2^53 − 1) passes the seed check", async () => {
    // refused afterwards for its non-empty --out, which is checked after the seeds: the bound is not off by one
    const out = datasetCopy();
    await expectFailure({ args: ["generate", "--out", out, "--quiet", ...SMALL, "--seed", "9007199254740989", "--replicates", "3"], code: 2, match: /not empty|--force/ });
  });
  it("bench --workers 1000", async () => {
    await expectFailure({ args: ["bench", baseDataset(), "--workers", "1000"], code: 2, match: /^ctar: --workers: expected an integer from 1 to 256 \(got '1000'\)/ });
  });
  it("bench --models mf,mf", async () => {
    await expectFailure({ args: ["bench", baseDataset(), "--models", "mf,mf"], code: 2, match: /^ctar: --models: model 'mf' is named twice/ });
  });
  it("a policy score 0x1F (ope)", async () => {
    const policy = join(scratch(), "p.csv");
    writeFileSync(policy, "userid,movieid,score\n0,1,0.5\n1,2,0x1F\n");
    await expectFailure({ args: ["ope", baseDataset(), "--policy", policy], code: 3, match: /^ctar: .*p\.csv:3: column 'score' is not a number \(got '0x1F'\)/ });
  });
});

describe("names: unknown, empty or given twice", { concurrency: 4 }, () => {
  it("ope --policy best: an unknown policy, listing the known ones", async () => {
    await expectFailure({ args: ["ope", baseDataset(), "--policy", "best"], code: 2, match: /^ctar: --policy: unknown policy 'best', and no such file \(expected a CSV file userid,movieid,score, or one of popularity, random\)/ });
  });
  it("a policy file with its score column twice", async () => {
    const policy = join(scratch(), "p.csv");
    writeFileSync(policy, "userid,movieid,score,score\n0,1,0.5,0.7\n");
    await expectFailure({ args: ["ope", baseDataset(), "--policy", policy], code: 3, match: /^ctar: .*p\.csv:1: column 'score' appears twice in the header/ });
  });
  for (const [x, y] of [["", "R_R"], ["R", ","]] as const) {
    it(`graph dsep '${x}' '${y}': an empty set is refused`, async () => {
      await expectFailure({ args: ["graph", "dsep", x, y], code: 2, match: /^ctar: graph dsep: <[xy]> names no node/ });
    });
  }
  it("'ctar graph' alone ends with a ctar: line naming what is missing", async () => {
    const r = await run(["graph"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr.trim().split("\n").at(-1)!, /^ctar: graph: missing command \(expected one of show, validate, dsep, analyze, draw, convert\)$/);
  });
});

describe("values in files and flags that cannot be", { concurrency: 4 }, () => {
  it("card --date 2020-02-30", async () => {
    const d = datasetCopy();
    await expectFailure({ args: ["card", d, "--date", "2020-02-30"], code: 2, match: /^ctar: --date: expected a date YYYY-MM-DD \(got '2020-02-30'\)/, clean: [d, join(d, "..")] });
  });
  it("stats on a test file with islike 2", async () => {
    const d = datasetCopy({ "test/test_2.csv": setLine(2, "0,0,2") });
    await expectFailure({ args: ["stats", d], code: 3, match: /^ctar: .*test\/test_2\.csv:2: islike 2 is not 0 or 1/ });
  });
  it("a catalog rating of 7.5", async () => {
    const cat = join(scratch(), "cat");
    mkdirSync(cat);
    writeFileSync(join(cat, "movie_rating.csv"), "movieid,rating\n1,3.5\n2,7.5\n");
    writeFileSync(join(cat, "movie_tag_ct.csv"), "movieid,tagid,tagCount\n1,1,5\n2,2,4\n");
    const out = join(scratch(), "out");
    await expectFailure({ args: ["generate", "--out", out, "--catalog", cat, "--movies", "2", "--users", "5", "--rct-users", "1", "--rct-movies", "1"], code: 3, match: /^ctar: .*movie_rating\.csv:3: column 'rating' must be an average rating between 1 and 5 \(got 7\.5\)/, absent: [out] });
  });
  it("a JSON list as --config says it must be an object", async () => {
    const cfg = join(scratch(), "c.json");
    writeFileSync(cfg, "[1, 2]");
    const out = join(scratch(), "out");
    await expectFailure({ args: ["generate", "--out", out, "--config", cfg], code: 2, match: /^ctar: .*c\.json: a configuration must be an object of options at the top level \(got a list/, absent: [out] });
  });
  it("binary bytes quoted in a message are escaped", async () => {
    const cfg = join(scratch(), "c.json");
    writeFileSync(cfg, Buffer.from([0x01, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 0x07]));
    const out = join(scratch(), "out");
    const r = await expectFailure({ args: ["generate", "--out", out, "--config", cfg], code: 2, match: /^ctar: .*c\.json: not valid JSON .*\\x01\\x1b\[31m\\x07/, absent: [out] });
    assert.doesNotMatch(r.stderr, /[\u0000-\u0009\u000b-\u001f]/);
  });
  it("bench: an obstag movie id −3 is named with file:line", async () => {
    const d = datasetCopy({ "train/obstag.csv": (t) => t.replace(/\n(\d+),\d+,/, "\n$1,-3,") });
    await expectFailure({ args: ["bench", d, ...BENCH], code: 3, match: /^ctar: .*train\/obstag\.csv:2: movieid -3 is out of range \(expected 0\.\.29, the movies of movie\.csv\)/ });
  });
});

describe("bench without OBS labels: a message, not a stack trace", { concurrency: 2 }, () => {
  it("a header-only obstag.csv", async () => {
    const d = datasetCopy({ "train/obstag.csv": () => "userid,movieid,tagid\n" });
    await expectFailure({ args: ["bench", d, ...BENCH], code: 3, match: /^ctar: .*train\/obstag\.csv: no observational tag labels \(OBS is empty\)/, absent: [join(d, "bench")] });
  });
  it("a 1-user dataset", async () => {
    const d = join(scratch(), "one");
    const g = spawnSync(process.execPath, [CLI, "generate", "--out", d, "--quiet", "--users", "1", "--movies", "30", "--rct-users", "1", "--rct-movies", "5", "--test2-draws", "4", "--test2-positives", "1", "--test3-draws", "3", "--test3-positives", "1"], { encoding: "utf8" });
    assert.equal(g.status, 0, g.stderr);
    await expectFailure({ args: ["bench", d, ...BENCH], code: 3, match: /^ctar: .*train\/obstag\.csv: no observational tag labels \(OBS is empty\)/ });
  });
});

/** Runs the built CLI synchronously (for the set-up of a case). */
function ctarOk(args: string[], cwd?: string): void {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", ...(cwd === undefined ? {} : { cwd }) });
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
}

describe("what generate writes agrees with its readers and records", { concurrency: 3 }, () => {
  it("a saturated rating (--rating-mu -100, τ underflows to 0) still validates: τ′ agrees with the test labels", async () => {
    const d = join(scratch(), "mu");
    ctarOk(["generate", "--out", d, "--quiet", ...SMALL, "--rating-mu", "-100"]);
    const r = await run(["validate", d]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
  it("an absolute --catalog leaves no machine path in config.json, the card or croissant.json", async () => {
    const root = scratch();
    const cat = join(root, "catalog");
    mkdirSync(cat);
    const movies = Array.from({ length: 12 }, (_, i) => i + 1);
    writeFileSync(join(cat, "movie_rating.csv"), `movieid,rating\n${movies.map((m) => `${m},${1 + (m % 4)}.5`).join("\n")}\n`);
    writeFileSync(join(cat, "movie_tag_ct.csv"), `movieid,tagid,tagCount\n${movies.flatMap((m) => [0, 1, 2].map((k) => `${m},${(m + k) % 15},${m + k + 1}`)).join("\n")}\n`);
    const d = join(root, "ds");
    ctarOk(["generate", "--out", d, "--quiet", "--catalog", cat, "--users", "20", "--movies", "10", "--liked-tags-min", "2", "--liked-tags-max", "5", "--tags-per-movie", "3", "--rct-users", "4", "--rct-movies", "3", "--test2-draws", "10", "--test2-positives", "2", "--test3-draws", "10", "--test3-positives", "2"]);
    for (const f of ["config.json", "README.md", "croissant.json"]) {
      const { readFileSync } = await import("node:fs");
      assert.ok(!readFileSync(join(d, f), "utf8").includes(root), `${f} names ${root}`);
    }
    const r = await run(["validate", d]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
  it("generate --config DIR/config.json keeps the recorded --format", async () => {
    const d = join(scratch(), "pq");
    ctarOk(["generate", "--out", d, "--quiet", "--format", "parquet", ...SMALL]);
    const again = join(scratch(), "again");
    ctarOk(["generate", "--config", join(d, "config.json"), "--out", again, "--quiet"]);
    const { existsSync } = await import("node:fs");
    assert.ok(existsSync(join(again, "train/rating.parquet")) && !existsSync(join(again, "train/rating.csv")));
  });
  it("report --out in a missing folder: exit 5 as --help says", async () => {
    const out = join(scratch(), "no-such-folder", "r.html");
    await expectFailure({ args: ["report", baseDataset(), "--out", out], code: 5, match: /^ctar: .*r\.html: cannot write the report \(no such file or folder/, absent: [out] });
  });
});

describe("long commands show one progress line on a terminal", { concurrency: 3 }, () => {
  // a terminal is made with util-linux's `script` (absent: the cases are skipped, saying so)
  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
  const commands: Array<[string, (d: string) => string[]]> = [
    ["verify", (d) => ["verify", d]],
    ["validate", (d) => ["validate", d]],
    ["report", (d) => ["report", d, "--out", join(d, "..", "r.html")]],
    ["ope", (d) => ["ope", d, "--policy", "popularity"]],
    ["stats", (d) => ["stats", d]],
    ["export", (d) => ["export", d, "--to", "cornac", "--out", join(d, "..", "cornac")]],
  ];
  for (const [name, args] of commands) {
    it(`${name} on a terminal`, { skip: hasScript ? false : "no `script` command to make a terminal with" }, () => {
      const d = datasetCopy();
      const line = [process.execPath, CLI, ...args(d)].map((a) => `'${a}'`).join(" ");
      const r = spawnSync("script", ["-qec", line, "/dev/null"], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, new RegExp(`\\r\\x1b\\[2Kctar: ${name}: .* \\(\\d+\\.\\d s\\)`), r.stdout);
    });
    it(`${name} off a terminal prints no progress`, () => {
      const d = datasetCopy();
      const r = spawnSync(process.execPath, [CLI, ...args(d)], { encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /\x1b\[2K/);
    });
  }
});
