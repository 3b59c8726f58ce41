/**
 * `ctar report` without a browser: the figures' data on a dataset small enough to count by hand,
 * the page's structure, and bad input (one line, documented exit code, no file left).
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { readReportDataset } from "../../src/io/dataset/read-report-dataset.js";
import { figureData } from "../../src/report/report-figures.js";
import { ctar, tempDir } from "../helpers/paths.js";

let root = "";
let tiny = "";

/**
 * Two movies (tags 0,1 and 1,2), three users. Ratings: u0 rates m0 (5) and m1 (3), u1 rates m0 (4).
 * ObsTag: u0·m0 lists tag 0; u1·m0 has −1 (so tags 0 and 1 of m0 are negatives for u1).
 * RCTTag: u2·m1 lists tag 2 (so tag 1 of m1 is a negative for u2).
 */
function writeTiny(dir: string): void {
  mkdirSync(join(dir, "train"), { recursive: true });
  mkdirSync(join(dir, "test"), { recursive: true });
  const w = (f: string, s: string) => writeFileSync(join(dir, f), s);
  w("train/movie.csv", 'movieid,taglist\n0,"0,1"\n1,"1,2"\n');
  w("train/rating.csv", "userid,movieid,rating\n0,0,5\n0,1,3\n1,0,4\n");
  w("train/obstag.csv", "userid,movieid,tagid\n0,0,0\n1,0,-1\n");
  w("train/rcttag.csv", "userid,movieid,tagid\n2,1,2\n");
  w("test/test_1.csv", "userid,tagid,islike\n0,1,1\n");
  w("test/test_2.csv", "userid,tagid,islike\n1,2,0\n0,2,1\n");
  w("test/test_3.csv", "userid,tagid,islike\n2,0,0\n");
  w("test/test.csv", "userid,tagid,islike\n0,1,1\n1,2,0\n0,2,1\n2,0,0\n");
}

before(() => {
  root = tempDir("ctar-report-");
  tiny = join(root, "tiny");
  writeTiny(tiny);
});
after(() => rmSync(root, { recursive: true, force: true }));

test("figure data of a hand-counted dataset", () => {
  const f = figureData(readReportDataset(tiny), "tiny");
  assert.deepEqual(f.ratingHistogram, [
    { dataset: "tiny", rating: 3, count: 1 },
    { dataset: "tiny", rating: 4, count: 1 },
    { dataset: "tiny", rating: 5, count: 1 },
  ]);
  // u0 has 2 ratings, u1 has 1: one user with 1, one with 2. m0 has 2, m1 has 1.
  assert.deepEqual(f.ratingsPerUser, [{ dataset: "tiny", ratings: 1, users: 1 }, { dataset: "tiny", ratings: 2, users: 1 }]);
  assert.deepEqual(f.ratingsPerMovie, [{ dataset: "tiny", ratings: 1, movies: 1 }, { dataset: "tiny", ratings: 2, movies: 1 }]);
  const share = (set: string) => f.labelShares.filter((r) => r.set === set).map((r) => r.count);
  assert.deepEqual(share("ObsTag"), [1, 2]); // (u0, 0) = 1; (u1, 0), (u1, 1) = 0
  assert.deepEqual(share("RCTTag"), [1, 1]); // (u2, 2) = 1; (u2, 1) = 0
  assert.deepEqual(share("ObsTag+RCTTag"), [2, 3]);
  assert.deepEqual(share("Test I"), [1, 0]);
  assert.deepEqual(share("Test II"), [1, 1]);
  assert.deepEqual(share("Test III"), [0, 1]);
  assert.deepEqual(share("Test"), [2, 2]);
  for (const r of f.labelShares.filter((r) => r.set === "ObsTag")) assert.equal(r.share, Number(r.count) / 3);
  assert.deepEqual([f.tau, f.propensity], [[], []], "no truth/: no truth figures");
});

test("the page: self-contained, every figure, no truth figures without truth/, the card's absence said", () => {
  const out = join(root, "tiny.html");
  const r = ctar(["report", tiny, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `report: ${out}\n`);
  const html = readFileSync(out, "utf8");
  for (const id of ["fig-mgraph", "fig-rating-histogram", "fig-ratings-per-user", "fig-ratings-per-movie", "fig-label-shares", "stats", "card"]) assert.ok(html.includes(`id="${id}"`), id);
  for (const id of ["fig-tau", "fig-propensity", "fig-test-composition"]) assert.ok(!html.includes(`id="${id}"`), id);
  assert.match(html, /no config\.json: the CTAR preset's graph/);
  // Nothing that would make the browser fetch: no script, no external stylesheet, image or font.
  assert.doesNotMatch(html, /<script|<link|<img|@import|url\(/);
  assert.doesNotMatch(html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, ""), /(src|href)="https?:/);
});

test("bad input: not a dataset, a missing folder (exit 3), an unwritable output (exit 5): one line, no file left", () => {
  const notDataset = join(root, "empty");
  mkdirSync(notDataset);
  const cases: [string[], number, RegExp][] = [
    [["report", notDataset, "--out", join(root, "x.html")], 3, /^ctar: .*empty: not a CTAR dataset \(no train\/movie\.csv nor train\/movie\.parquet; expected train\/ and test\/ as in docs\/output\.md, "Output layout"\)$/],
    [["report", join(root, "absent"), "--out", join(root, "x.html")], 3, /^ctar: .*absent: no such folder/],
    [["report", tiny, "--compare", notDataset, "--out", join(root, "x.html")], 3, /not a CTAR dataset/],
    [["report", tiny, "--out", join(root, "no-such-dir", "x.html")], 5, /^ctar: .*x\.html: cannot write the report \(no such file or folder, ENOENT\)$/],
  ];
  for (const [args, code, re] of cases) {
    const r = ctar(args);
    assert.equal(r.status, code, `${args.join(" ")}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.match(r.stderr.trim(), re);
  }
  assert.ok(!existsSync(join(root, "x.html")));
  assert.deepEqual(readdirSync(root).filter((f) => f.includes(".tmp-")), [], "no temporary file left");
});

test("a user graph whose R_R records no propensity (blank p_rating_observed): the report is written, the curve left out", () => {
  const dir = join(root, "exposure");
  const g = ctar(["generate", "--out", dir, "--graph", join("examples", "exposure-bias", "graph.yaml"), "--users", "150", "--movies", "60", "--quiet"]);
  assert.equal(g.status, 0, g.stderr);
  assert.match(readFileSync(join(dir, "truth", "movie.csv"), "utf8").split("\n")[1]!, /,$/, "the fixture has a blank p_rating_observed");
  const out = join(root, "exposure.html");
  const r = ctar(["report", dir, "--out", out]);
  assert.equal(r.status, 0, r.stderr);
  const html = readFileSync(out, "utf8");
  assert.ok(html.includes('id="fig-tau"'));
  assert.match(html, /id="fig-propensity"[^]*?no data/);
});
