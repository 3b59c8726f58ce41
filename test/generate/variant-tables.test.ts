/**
 * The tables a variant world writes into its dataset (src/generate/variant-tables.ts,
 * docs/output.md#variant-tables): an uplift world's T and Y equal the uplift task's regenerated
 * train table row for row, its propensities the task's oracle, its closed-form arms (at each
 * pair's rating in truth/full) the task's per-pair truth; a click world's log equals the ranking
 * task's, its closed-form P(E = 1) and P(A = 1) give the task's exact P(C = 1) of every row; both
 * worlds' files are the same bytes with 1 or 3 workers and from 3 shards merged.
 */
import assert from "node:assert/strict";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { ctar, ctarAsync, inBatches, sameFiles, tempDir } from "../helpers/paths.js";

const root = tempDir();
const SMALL = ["--users", "150", "--movies", "80", "--test2-draws", "60", "--test2-positives", "20", "--test3-draws", "60", "--test3-positives", "20", "--seed", "3", "--quiet"];

function ok(args: string[]): string {
  const r = ctar(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

/** A CSV file's rows (header dropped) as arrays of fields. */
function rows(file: string): string[][] {
  const text = file.endsWith(".gz") ? gunzipSync(readFileSync(file)).toString("utf8") : readFileSync(file, "utf8");
  return text.trim().split("\n").slice(1).map((l) => l.split(","));
}

const header = (file: string) => readFileSync(file, "utf8").split("\n")[0];

before(() => {
  writeFileSync(join(root, "uplift.yaml"), ok(["graph", "show", "--preset", "ctar-uplift"]));
  writeFileSync(join(root, "clicks.yaml"), ok(["graph", "show", "--preset", "ctar-clicks"]));
  ok(["generate", "--graph", join(root, "uplift.yaml"), "--out", join(root, "U"), "--propensity", "--truth", "full", ...SMALL]);
  ok(["task", "uplift", join(root, "U"), "--out", join(root, "TU")]);
  ok(["generate", "--graph", join(root, "clicks.yaml"), "--out", join(root, "C"), ...SMALL]);
  ok(["task", "ranking", join(root, "C"), "--out", join(root, "TC")]);
});

test("uplift: train/treatment.csv is the task's regenerated (T, Y); the propensities and arms are the task's", () => {
  const U = join(root, "U");
  assert.equal(header(join(U, "train/treatment.csv")), "userid,movieid,treated,outcome");
  assert.deepEqual(rows(join(U, "train/treatment.csv")), rows(join(root, "TU", "train.csv")));
  // every pair has its propensity, by user then movie; the task's oracle is the listed pairs'
  const p = rows(join(U, "train/propensity.csv.gz"));
  assert.equal(p.length, 150 * 80);
  p.forEach((r, i) => assert.deepEqual([Number(r[0]), Number(r[1])], [Math.floor(i / 80), i % 80]));
  for (const [u, m, q] of rows(join(root, "TU", "propensity.csv"))) assert.equal(p[Number(u) * 80 + Number(m)]![2], q, `P(T = 1) of (${u}, ${m})`);
  // a pair's arms and effect are the closed-form row of its rating R (truth/full)
  const arms = new Map(rows(join(U, "truth/treatment_arms.csv")).map((r) => [r[0], r.slice(1)]));
  assert.deepEqual([...arms.keys()], ["1", "2", "3", "4", "5"]);
  const full = rows(join(U, "truth/full.csv.gz"));
  const truth = rows(join(root, "TU", "truth.csv"));
  assert.equal(truth.length, full.length);
  truth.forEach((t, i) => assert.deepEqual(t.slice(2), arms.get(full[i]![2]!), `pair (${t[0]}, ${t[1]})`));
  // P(T = 1) by rank: min(1, c · r^−p) with the defaults c = p = 0.5
  rows(join(U, "truth/rank_propensity.csv")).forEach(([r, q], i) => {
    assert.equal(Number(r), i + 1);
    assert.equal(Number(q), Math.min(1, 0.5 * (i + 1) ** -0.5));
  });
});

test("clicks: train/click.csv is the ranking task's log; P(E = 1) · P(A = 1 | R) is its exact P(C = 1)", () => {
  const C = join(root, "C");
  const log = rows(join(C, "train/click.csv"));
  const hidden = rows(join(C, "truth/click.csv"));
  assert.equal(log.length, 150 * 10);
  assert.equal(hidden.length, log.length);
  // the task's train users (every u but u mod 5 = 4) show the same rows; the test users' clicks are hidden by the task only
  const train = rows(join(root, "TC", "train.csv")).map((r) => r.slice(0, 5));
  assert.deepEqual(train, log.filter((r) => Number(r[0]) % 5 !== 4));
  const exam = new Map(rows(join(C, "truth/examination.csv")).map(([k, e]) => [k, Number(e)]));
  const att = new Map(rows(join(C, "truth/attraction.csv")).map(([r, g, a]) => [r, { g, a: Number(a) }]));
  const task = rows(join(root, "TC", "truth.csv"));
  hidden.forEach(([u, k, m, r, e, a], i) => {
    assert.deepEqual([u, k, m], log[i]!.slice(0, 3));
    // a click is an attraction seen: C = A · E
    assert.equal(Number(log[i]![3]), Number(e) * Number(a), `row ${i}`);
    const [tu, tk, tm, grade, pExam, pClick] = task[i]!;
    assert.deepEqual([tu, tk, tm, grade], [u, k, m, att.get(r!)!.g]);
    assert.equal(Number(pExam), exam.get(k!));
    assert.equal(Number(pClick), exam.get(k!)! * att.get(r!)!.a);
  });
});

test("uplift and click worlds: 1 or 3 workers and 3 shards merged write the same bytes", async () => {
  // 200 movies: blocks of 1,310 users, so 3,000 users are three blocks
  const world = ["--users", "3000", "--movies", "200", "--seed", "21", "--quiet", "--test2-draws", "1000", "--test2-positives", "300", "--test3-draws", "800", "--test3-positives", "240"];
  const worlds = { uplift: ["--graph", join(root, "uplift.yaml"), "--propensity"], clicks: ["--graph", join(root, "clicks.yaml")] };
  const jobs: Array<() => Promise<void>> = [];
  const run = (args: string[]) => async () => {
    const r = await ctarAsync(args);
    assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  };
  for (const [name, extra] of Object.entries(worlds)) {
    for (const w of [1, 3]) jobs.push(run(["generate", "--out", join(root, `${name}-${w}`), "--workers", String(w), ...world, ...extra]));
    for (let i = 0; i < 3; i++) jobs.push(run(["generate", "--out", join(root, `${name}-p${i}`), "--shard", `${i}/3`, "--workers", "1", ...world, ...extra]));
  }
  await inBatches(jobs, 2);
  for (const name of Object.keys(worlds)) {
    await run(["merge", ...[0, 1, 2].map((i) => join(root, `${name}-p${i}`)), "--out", join(root, `${name}-merged`), "--quiet"])();
    sameFiles(join(root, `${name}-1`), join(root, `${name}-3`), `${name}, 3 workers`);
    sameFiles(join(root, `${name}-1`), join(root, `${name}-merged`), `${name}, 3 shards merged`);
  }
  const listed = rows(join(root, "uplift-1", "train/treatment.csv")).length;
  assert.ok(listed > 0 && listed < 3000 * 200, `${listed} listed pairs`);
});

test("validate knows the new tables (a value out of range, a listed T = Y = 0, a click without E · A are found at their line); stats counts them", () => {
  for (const w of ["U", "C"]) assert.match(ok(["validate", join(root, w)]), /is valid/);
  const bad = join(root, "U-bad");
  cpSync(join(root, "U"), bad, { recursive: true });
  const file = join(bad, "train/treatment.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  lines[1] = lines[1]!.replace(/,[01],([01])$/, ",2,$1");
  writeFileSync(file, lines.join("\n"));
  const r = ctar(["validate", bad]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /train\/treatment\.csv:2: treated 2 out of range \(expected 0\.\.1\)/);
  // the invariants: no listed pair with T = Y = 0; a click is an examined attraction
  lines[1] = lines[1]!.replace(/,2,[01]$/, ",0,0");
  writeFileSync(file, lines.join("\n"));
  assert.match(ctar(["validate", bad]).stdout, /train\/treatment\.csv:2: a pair with treated = 0 and outcome = 0 is listed/);
  const badClicks = join(root, "C-bad");
  cpSync(join(root, "C"), badClicks, { recursive: true });
  const logFile = join(badClicks, "train/click.csv");
  const clicks = readFileSync(logFile, "utf8").split("\n");
  clicks[1] = clicks[1]!.replace(/^(\d+,\d+,\d+),([01]),/, (_m, key: string, c: string) => `${key},${1 - Number(c)},`);
  writeFileSync(logFile, clicks.join("\n"));
  assert.match(ctar(["validate", badClicks]).stdout, /train\/click\.csv:2: click [01], but examined [01] and attracted [01] at .*truth\/click\.csv:2 \(click = examined · attracted\)/);
  const listed = rows(join(root, "U", "train/treatment.csv"));
  const s = JSON.parse(ok(["stats", join(root, "U"), "--json"])) as { treatment: Record<string, number> };
  const count = (f: (r: string[]) => boolean) => listed.filter(f).length;
  assert.deepEqual(s.treatment, { rows: listed.length, treated: count((r) => r[2] === "1"), outcomes: count((r) => r[3] === "1"), treatedOutcomes: count((r) => r[2] === "1" && r[3] === "1") });
  const c = JSON.parse(ok(["stats", join(root, "C"), "--json"])) as { click: { clicks: number; clicksByPosition: Record<string, number> } };
  const log = rows(join(root, "C", "train/click.csv"));
  assert.equal(c.click.clicks, log.filter((r) => r[3] === "1").length);
  assert.equal(c.click.clicksByPosition["1"], log.filter((r) => r[1] === "1" && r[3] === "1").length);
});

