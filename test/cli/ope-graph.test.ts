/**
 * `ctar ope` on datasets not made by the preset alone: a graph file with its own mechanism module
 * (examples/user-activity), and `--do` (exact propensities per pair from truth/full.csv.gz); and
 * `--k` larger than the catalog, clamped and said so.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { bruteForceOpe } from "../helpers/brute-force-ope.js";
import { REPO, ctar, tempDir } from "../helpers/paths.js";

const USERS = 150;
const MOVIES = 120;
const SIZES = ["--users", `${USERS}`, "--movies", `${MOVIES}`, "--test2-draws", "100", "--test2-positives", "30", "--test3-draws", "100", "--test3-positives", "30", "--seed", "4"];

interface Result {
  k: number;
  k_requested?: number;
  note?: string;
  users: number;
  pairs: number;
  observed_pairs: number;
  true_value: number;
  naive: number;
  ips: number | null;
  snips: number | null;
  dm: number | null;
  dr: number | null;
}

function ope(dir: string, args: string[]): Result {
  const r = ctar(["ope", dir, "--json", ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Result;
}

/** The popularity policy's figures (movies 0..k−1 for everyone) by brute force. */
const bruteForcePopularity = (dir: string, k: number) => bruteForceOpe(dir, MOVIES, Array.from({ length: USERS }, () => Array.from({ length: k }, (_, m) => m)));

const close = (got: number | null, want: number, what: string) => assert.ok(got !== null && Math.abs(got - want) < 1e-9, `${what}: ${got} vs ${want}`);

test("ope on a --graph dataset with a user module: exact truth and naive; IPS n/a without recorded propensities", () => {
  const dir = join(tempDir(), "d");
  const g = ctar(["generate", "--out", dir, "--quiet", "--truth", "full", "--graph", join(REPO, "examples/user-activity/graph.yaml"), ...SIZES]);
  assert.equal(g.status, 0, g.stderr);
  const v = ope(dir, ["--policy", "popularity", "--k", "15"]);
  const want = bruteForcePopularity(dir, 15);
  assert.equal(v.pairs, USERS * 15);
  assert.equal(v.observed_pairs, want.observed_pairs);
  assert.ok(v.observed_pairs > 0);
  close(v.true_value, want.true_value, "true value");
  close(v.naive, want.naive, "naive");
  // activity-missingness returns only the 0/1 row: no exact P(R_R = 1) to weight by.
  assert.equal(v.ips, null);
  assert.equal(v.snips, null);
  assert.equal(v.dr, null); // DR weighs by the same propensities; DM needs none
  assert.equal(typeof v.dm, "number");
  const text = ctar(["ope", dir, "--policy", "popularity", "--k", "15"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /IPS, SNIPS and DR n\/a: the graph's rating missingness records no exact probability/);
});

test("ope on a --do dataset: all four figures equal brute force with the per-pair propensities of truth/full", () => {
  const dir = join(tempDir(), "d");
  const g = ctar(["generate", "--out", dir, "--quiet", "--truth", "full", "--rct-users", "10", "--do", "R_R=uniform:0.15", ...SIZES]);
  assert.equal(g.status, 0, g.stderr);
  const v = ope(dir, ["--policy", "popularity", "--k", "12"]);
  const want = bruteForcePopularity(dir, 12);
  assert.equal(v.observed_pairs, want.observed_pairs);
  close(v.true_value, want.true_value, "true value");
  close(v.naive, want.naive, "naive");
  close(v.ips, want.ips, "IPS");
  close(v.snips, want.snips, "SNIPS");
});

test("ope --k beyond the catalog is clamped to the movies, in the text and the JSON", () => {
  const dir = join(tempDir(), "d");
  assert.equal(ctar(["generate", "--out", dir, "--quiet", "--rct-users", "10", ...SIZES]).status, 0);
  const big = ope(dir, ["--policy", "random", "--k", "2000"]);
  assert.equal(big.k, MOVIES);
  assert.equal(big.k_requested, 2000);
  assert.equal(big.note, `--k 2000 clamped to the ${MOVIES} movies of the dataset`);
  assert.equal(big.pairs, USERS * MOVIES);
  const exact = ope(dir, ["--policy", "random", "--k", `${MOVIES}`]);
  assert.equal(exact.k_requested, undefined);
  assert.equal(exact.note, undefined);
  assert.deepEqual({ ...big, k_requested: undefined, note: undefined }, { ...exact, k_requested: undefined, note: undefined });
  const text = ctar(["ope", dir, "--policy", "popularity", "--k", "2000"]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, new RegExp(`^ctar ope: policy popularity, top-${MOVIES}, ${USERS} users, ${USERS * MOVIES} recommended pairs`));
  assert.match(text.stdout, new RegExp(`note +--k 2000 clamped to the ${MOVIES} movies of the dataset`));

  // A recorded propensity that is a probability but not the regenerated one is refused.
  const file = join(dir, "truth/movie.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  const cells = lines[1]!.split(",");
  const was = Number(cells[6]);
  cells[6] = was === 0.5 ? "0.25" : "0.5";
  lines[1] = cells.join(",");
  writeFileSync(file, lines.join("\n"));
  const r = ctar(["ope", dir, "--policy", "popularity"]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, new RegExp(`truth/movie: movie 0 has p_rating_observed ${cells[6]} but the configuration regenerates ${was} \\(the dataset does not match its config\\.json\\)`));
  assert.equal(r.stderr.trim().split("\n").length, 1);
});
