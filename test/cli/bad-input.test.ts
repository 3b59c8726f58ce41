/**
 * Bad input gets one clear message naming the file and line or the option, a non-zero exit, no
 * stack trace, and no output folder (issue 2 item 12).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";
import { type TinyCatalogFiles, tinyCatalogFiles, writeCatalog } from "../helpers/tiny-catalog.js";

const SMALL = ["--users", "50", "--movies", "30", "--rct-users", "5", "--test2-draws", "40", "--test2-positives", "10", "--test3-draws", "30", "--test3-positives", "9"];

function expectFailure(args: string[], pattern: RegExp, out: string) {
  const r = ctar(args);
  assert.notEqual(r.status, 0, `expected failure, got success:\n${r.stdout}`);
  assert.match(r.stderr, pattern);
  assert.equal(r.stderr.trim().split("\n").length, 1, `expected one line, got:\n${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "a stack trace was printed");
  assert.ok(!existsSync(out), "an output folder was left behind");
}

function withCatalog(mutate: (f: TinyCatalogFiles) => TinyCatalogFiles, pattern: RegExp) {
  const root = tempDir();
  const dir = writeCatalog(join(root, "cat"), mutate(tinyCatalogFiles()));
  const out = join(root, "out");
  expectFailure(["generate", "--out", out, "--catalog", dir, ...SMALL], pattern, out);
}

test("a catalog file with a missing column is named with its header", () => {
  withCatalog((f) => ({ ...f, ratings: f.ratings.replace("movieid,rating", "movieid,avg") }), /movie_rating\.csv:1: missing column 'rating'/);
});

test("a non-numeric field is named with file and line", () => {
  withCatalog((f) => ({ ...f, tags: f.tags.replace(/\n101,(\d+),/, "\n101,abc,") }), /movie_tag_ct\.csv:\d+: column 'tagid' is not an integer \(got 'abc'\)/);
});

test("a movie without a rating is named", () => {
  withCatalog((f) => ({ ...f, ratings: f.ratings.replace(/\n105,[^\n]*/, "") }), /movie_tag_ct\.csv:\d+: movie 105 has tags but no rating/);
});

test("an empty file is named", () => {
  withCatalog((f) => ({ ...f, ratings: "" }), /movie_rating\.csv: empty file/);
});

test("a row with too many fields is named", () => {
  withCatalog((f) => ({ ...f, ratings: f.ratings.replace("\n103,", "\n103,1,") }), /movie_rating\.csv:\d+: 3 fields \(expected 2/);
});

test("Windows line endings and a byte-order mark are read like plain files", () => {
  const root = tempDir();
  const plain = tinyCatalogFiles();
  const windows = { ratings: `\ufeff${plain.ratings.replace(/\n/g, "\r\n")}`, tags: `\ufeff${plain.tags.replace(/\n/g, "\r\n")}` };
  const outs = [plain, windows].map((files, i) => {
    const dir = writeCatalog(join(root, `cat${i}`), files);
    const out = join(root, `out${i}`);
    const r = ctar(["generate", "--out", out, "--catalog", dir, "--quiet", ...SMALL]);
    assert.equal(r.status, 0, r.stderr);
    return readFileSync(join(out, "train/rating.csv"), "utf8");
  });
  assert.equal(outs[0], outs[1]);
});

test("impossible options are refused before any work, naming the option", () => {
  const root = tempDir();
  const out = join(root, "out");
  expectFailure(["generate", "--out", out, "--users", "50", "--rct-users", "100"], /rct\.users \(--rct-users\): 100 RCT users, but only 50 users/, out);
  expectFailure(["generate", "--out", out, "--rating-rate", "1.5"], /ratingMissingness\.rate \(--rating-rate\)/, out);
  expectFailure(["generate", "--out", out, "--obs-rate", "0"], /obsTag\.rate \(--obs-rate\)/, out);
  expectFailure(["generate", "--out", out, "--users", "-5"], /users \(--users\)/, out);
  expectFailure(["generate", "--out", out, "--users", "ten"], /--users: expected a number \(got 'ten'\)/, out);
  expectFailure(["generate", "--out", out, "--liked-tags-min", "30", "--liked-tags-max", "20"], /likedTags\.min \(--liked-tags-min\): 30 exceeds/, out);
  expectFailure(["generate", "--out", out, "--test2-positives", "6000"], /test2\.positives/, out);
  const cat = writeCatalog(join(root, "cat"), tinyCatalogFiles(40, 12));
  expectFailure(["generate", "--out", out, "--catalog", cat, ...SMALL, "--tags-per-movie", "20"], /tagsPerMovie: 20 tags per movie, but .* only 12 distinct tags/, out);
  expectFailure(["generate", "--out", out, "--catalog", join(root, "nowhere")], /--catalog .*nowhere: folder not found \(expected the authors. base data, movie_rating\.csv and movie_tag_ct\.csv, from .*KID-22\/CTAR/, out);
});

test("a configuration file is validated too, naming the file and the key", () => {
  const root = tempDir();
  const out = join(root, "out");
  const cfg = join(root, "c.json");
  writeFileSync(cfg, JSON.stringify({ users: 20, rct: { users: 30 } }));
  expectFailure(["generate", "--out", out, "--config", cfg], /c\.json: option rct\.users/, out);
  writeFileSync(cfg, JSON.stringify({ userz: 20 }));
  expectFailure(["generate", "--out", out, "--config", cfg], /unknown option userz/, out);
  const yml = join(root, "c.yaml");
  writeFileSync(yml, "users: [oops\n");
  expectFailure(["generate", "--out", out, "--config", yml], /c\.yaml: not valid YAML/, out);
});

test("a non-empty output folder is not overwritten without --force", () => {
  const root = tempDir();
  const out = join(root, "out");
  mkdirSync(out);
  writeFileSync(join(out, "keep.txt"), "mine");
  const r = ctar(["generate", "--out", out, ...SMALL]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not empty \(use --force/);
  assert.equal(readFileSync(join(out, "keep.txt"), "utf8"), "mine");
  // --force replaces only a ctar dataset (or an empty folder): this one is the user's.
  const f = ctar(["generate", "--out", out, "--force", "--quiet", ...SMALL]);
  assert.equal(f.status, 2, f.stderr);
  assert.match(f.stderr, /not a ctar dataset/);
  assert.equal(readFileSync(join(out, "keep.txt"), "utf8"), "mine");
  const ds = join(root, "ds");
  assert.equal(ctar(["generate", "--out", ds, "--quiet", ...SMALL]).status, 0);
  writeFileSync(join(ds, "keep.txt"), "mine");
  const g = ctar(["generate", "--out", ds, "--force", "--quiet", ...SMALL, "--seed", "5"]);
  assert.equal(g.status, 0, g.stderr);
  assert.ok(existsSync(join(ds, "train/rating.csv")));
  assert.ok(!existsSync(join(ds, "keep.txt")));
});
