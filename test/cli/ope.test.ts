/**
 * `ctar ope`: the true policy value equals the brute-force mean over truth/full.csv.gz; the naive,
 * IPS and SNIPS estimates equal their formulas on rating.csv and movie.csv; a saved policy file
 * gives the same figures as the built-in policy; bad input is one message naming file:line.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { bruteForceOpe } from "../helpers/brute-force-ope.js";
import { ctar, tempDir } from "../helpers/paths.js";

const USERS = 150;
const MOVIES = 200;
const SMALL = ["--users", `${USERS}`, "--movies", `${MOVIES}`, "--rct-users", "10", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60", "--seed", "8", "--rating-rate", "0.1"];
const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const rows = (text: string) => text.trim().split("\n").slice(1).map((l) => l.split(",").map(Number));

interface Result {
  users: number;
  pairs: number;
  observed_pairs: number;
  true_value: number;
  naive: number;
  ips: number;
  snips: number;
}

function ope(dir: string, args: string[]): Result {
  const r = ctar(["ope", dir, "--json", ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Result;
}

/** The four figures by brute force from the files, for top-k lists `rec` (k per user). */
const bruteForce = (dir: string, rec: number[][]): Result => bruteForceOpe(dir, MOVIES, rec);

function assertClose(got: Result, want: Result) {
  assert.equal(got.users, want.users);
  assert.equal(got.pairs, want.pairs);
  assert.equal(got.observed_pairs, want.observed_pairs);
  for (const key of ["true_value", "naive", "ips", "snips"] as const) assert.ok(Math.abs(got[key] - want[key]) < 1e-9, `${key}: ${got[key]} vs ${want[key]}`);
}

test("ope: popularity and random policies against brute force; a saved policy file gives the same figures", () => {
  const root = tempDir();
  const dir = join(root, "d");
  assert.equal(ctar(["generate", "--out", dir, "--quiet", "--truth", "full", ...SMALL]).status, 0);
  const k = 7;
  const pop = ope(dir, ["--policy", "popularity", "--k", `${k}`]);
  assertClose(pop, bruteForce(dir, Array.from({ length: USERS }, () => Array.from({ length: k }, (_, m) => m))));
  assert.ok(pop.observed_pairs > 0);

  const saved = join(root, "random.csv");
  const rnd = ope(dir, ["--policy", "random", "--k", `${k}`, "--policy-seed", "4", "--save-policy", saved]);
  const lists: number[][] = Array.from({ length: USERS }, () => []);
  for (const [u, m] of rows(readFileSync(saved, "utf8"))) lists[u!]!.push(m!);
  for (const l of lists) assert.equal(new Set(l).size, k);
  assertClose(rnd, bruteForce(dir, lists));
  assert.deepEqual(ope(dir, ["--policy", saved, "--k", `${k}`]), { ...rnd, policy: saved });
  // Another policy seed, other lists.
  assert.notEqual(ope(dir, ["--policy", "random", "--k", `${k}`, "--policy-seed", "5"]).true_value, rnd.true_value);
});

test("ope: top-k by score with ties broken by movie id, users without rows left out", () => {
  const root = tempDir();
  const dir = join(root, "d");
  assert.equal(ctar(["generate", "--out", dir, "--quiet", "--truth", "full", ...SMALL]).status, 0);
  // User 0 scores movies 5, 3, 9 (9 and 3 tie: 3 first); user 2 scores 1; nobody else.
  const file = join(root, "p.csv");
  writeFileSync(file, "userid,movieid,score\n0,5,0.1\n0,9,2\n0,3,2\n0,11,-4\n2,1,7\n");
  const got = ope(dir, ["--policy", file, "--k", "2"]);
  const full = rows(gunzipSync(readFileSync(join(dir, "truth/full.csv.gz"))).toString("utf8"));
  const r = (u: number, m: number) => full[u * MOVIES + m]![2]!;
  assert.equal(got.users, 2);
  assert.equal(got.pairs, 3);
  assert.ok(Math.abs(got.true_value - ((r(0, 3) + r(0, 9)) / 2 + r(2, 1)) / 2) < 1e-12, `${got.true_value}`);
});

test("ope: under MCAR rating missingness (do R_R=uniform) the naive estimate is within sampling error of the truth", () => {
  const dir = join(tempDir(), "d");
  assert.equal(ctar(["generate", "--out", dir, "--quiet", ...SMALL, "--do", "R_R=uniform:0.2"]).status, 0);
  const v = ope(dir, ["--policy", "random", "--k", "20"]);
  // Observed pairs are a uniform subsample: sd of a rating ≤ 2 (range 1..5), so 4·2/√n bounds it.
  const tol = (4 * 2) / Math.sqrt(v.observed_pairs);
  assert.ok(v.observed_pairs > 300, `${v.observed_pairs} observed pairs`);
  assert.ok(Math.abs(v.naive - v.true_value) < tol, `naive ${v.naive}, true ${v.true_value}, tolerance ${tol}`);
});

test("ope: bad policy files and tampered datasets are one clear message", () => {
  const root = tempDir();
  const dir = join(root, "d");
  assert.equal(ctar(["generate", "--out", dir, "--quiet", ...SMALL]).status, 0);
  const cases: Array<[string, RegExp]> = [
    ["userid,movieid,score\n0,1,0.5\n0,x,1\n", /p\.csv:3: column 'movieid' is not an integer \(got 'x'\)/],
    ["userid,movieid,score\n0,1,0.5\n0,1,1\n", /p\.csv:3: user 0, movie 1 is scored twice \(first on line 2\)/],
    [`userid,movieid,score\n0,${MOVIES},0.5\n`, new RegExp(`p\\.csv:2: movieid ${MOVIES} out of range \\(expected 0\\.\\.${MOVIES - 1}\\)`)],
    ["userid,movieid,score\n0,1,high\n", /p\.csv:2: column 'score' is not a number \(got 'high'\)/],
    ["user,movie\n0,1\n", /p\.csv:1: missing columns 'userid', 'movieid', 'score'/],
  ];
  for (const [text, pattern] of cases) {
    const file = join(root, "p.csv");
    writeFileSync(file, text);
    const r = ctar(["ope", dir, "--policy", file]);
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
  assert.match(ctar(["ope", dir, "--policy", "popularity", "--k", "0"]).stderr, /--k: expected a whole number ≥ 1 \(got '0'\)/);
  assert.match(ctar(["ope", join(root, "nowhere"), "--policy", "popularity"]).stderr, /nowhere\/config\.json: file not found/);
  // A rating that is not the regenerated potential outcome.
  const ratings = read(dir, "train/rating.csv").split("\n");
  const [u, m, y] = ratings[1]!.split(",");
  ratings[1] = `${u},${m},${Number(y) === 5 ? 4 : Number(y) + 1}`;
  writeFileSync(join(dir, "train/rating.csv"), ratings.join("\n"));
  const r = ctar(["ope", dir, "--policy", "popularity"]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, new RegExp(`user ${u}, movie ${m} has observed rating .* but the configuration regenerates ${y}`));
});
