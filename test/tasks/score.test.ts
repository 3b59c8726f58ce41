/**
 * `ctar score` gives a built-in model's figures to the last digit from the predictions `bench
 * --predictions` wrote (CSV with every pair: all figures; Parquet with the test pairs: all but the
 * population risk, which is then not reported), from the dataset and from a task folder; and
 * refuses bad predictions files with one message naming file:line, exit 3.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";
import { TASKS } from "../../src/tasks/registry.js";

const root = tempDir();
const data = join(root, "d");
const taskDir = join(root, "t");
const bench = join(root, "b");
type Figures = Record<string, number | null>;
let benchRuns: Record<string, Figures[]> = {};

function ok(args: string[]): string {
  const r = ctar(args);
  assert.equal(r.status, 0, `ctar ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

before(() => {
  ok(["generate", "--out", data, "--users", "120", "--movies", "60", "--quiet"]);
  ok(["task", "ratings", data, "--out", taskDir]);
  const json = ok(["bench", data, "--task", "ratings", "--models", "mf,mf-ips", "--runs", "2", "--epochs", "3", "--out", bench, "--predictions", "--prediction-pairs", "all", "--json"]);
  const models = (JSON.parse(json) as { models: { name: string; runs: Figures[] }[] }).models;
  benchRuns = Object.fromEntries(models.map((m) => [m.name, m.runs]));
});

function score(dir: string, file: string): { metrics: Figures; notes: string[] } {
  return JSON.parse(ok(["score", dir, "--task", "ratings", "--predictions", file, "--json"])) as { metrics: Figures; notes: string[] };
}

test("score reproduces bench's figures exactly, from the dataset and from the task folder", () => {
  for (const [model, runs] of Object.entries(benchRuns)) {
    runs.forEach((figures, run) => {
      const file = join(bench, "predictions", `${model}-run${run}.csv`);
      assert.deepEqual(score(data, file).metrics, figures, `${model} run ${run} from the dataset`);
      assert.deepEqual(score(taskDir, file).metrics, figures, `${model} run ${run} from the task folder`);
    });
  }
});

test("with the test pairs only (Parquet), the test figures are exact and the population risk is not reported", () => {
  const b2 = join(root, "b2");
  ok(["bench", data, "--task", "ratings", "--models", "mf", "--runs", "1", "--epochs", "3", "--out", b2, "--predictions", "parquet"]);
  const s = score(taskDir, join(b2, "predictions", "mf-run0.parquet"));
  assert.deepEqual(s.metrics, { ...benchRuns["mf"]![0]!, pop_risk: null, gap: null });
  assert.ok(s.notes.some((n) => /needs a prediction for every user × movie/.test(n)), s.notes.join("\n"));
});

/** "userid,movieid," of the first MCAR test pair. */
function firstTestPair(): string {
  const [u, m] = readFileSync(join(taskDir, "test.csv"), "utf8").split("\n")[1]!.split(",");
  return `${u},${m},`;
}

/** A predictions file: the mf run 0 file with `edit` applied to its lines. */
function variant(name: string, edit: (lines: string[]) => string[]): string {
  const lines = readFileSync(join(bench, "predictions", "mf-run0.csv"), "utf8").trimEnd().split("\n");
  const file = join(root, `${name}.csv`);
  writeFileSync(file, edit(lines).join("\n") + "\n");
  return file;
}

test("bad predictions files: one message naming file:line, exit 3", () => {
  const cases: Array<[string, (l: string[]) => string[], RegExp]> = [
    ["missing-column", (l) => l.map((x) => x.split(",").slice(0, 2).join(",")), /missing-column\.csv:1: missing column 'prediction'/],
    ["extra-column", (l) => l.map((x, i) => `${x},${i === 0 ? "extra" : 0}`), /extra-column\.csv:1: extra column 'extra'/],
    ["duplicate", (l) => [...l, l[5]!], /duplicate\.csv:\d+: duplicate pair userid \d+, movieid \d+ \(first at .*duplicate\.csv:6\)/],
    ["missing-pair", (l) => l.filter((x) => !x.startsWith(firstTestPair())), /missing-pair\.csv: missing pair userid \d+, movieid \d+ \(the MCAR test set needs/],
    ["nan", (l) => l.map((x, i) => (i === 7 ? x.replace(/,[^,]*$/, ",NaN") : x)), /nan\.csv:8: column 'prediction' is not a number \(got 'NaN'\)/],
    ["infinity", (l) => l.map((x, i) => (i === 9 ? x.replace(/,[^,]*$/, ",Infinity") : x)), /infinity\.csv:10: column 'prediction' is not a number/],
    ["unknown-id", (l) => [...l, "120,0,3"], /unknown-id\.csv:\d+: unknown userid 120 \(expected 0\.\.119\)/],
    ["header-only", (l) => l.slice(0, 1), /header-only\.csv:2: no data rows, only a header/],
    ["huge", (l) => [...l, ...Array.from({ length: 3 * l.length }, () => l[1]!)], /huge\.csv: .*larger|huge\.csv: .*MiB|huge\.csv:.*bytes/],
  ];
  for (const [name, edit, want] of cases) {
    const r = ctar(["score", taskDir, "--task", "ratings", "--predictions", variant(name, edit)]);
    assert.equal(r.status, 3, `${name}: ${r.stderr}`);
    assert.match(r.stderr, want, name);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${name}: one line`);
    assert.equal(r.stdout, "", `${name}: nothing printed`);
  }
});

test("a tampered task folder, one from another version, an unknown task, an empty split, no observed ratings: clear messages and exit codes", () => {
  const tampered = join(root, "tampered");
  ok(["task", "ratings", data, "--out", tampered]);
  const test = join(tampered, "test.csv");
  writeFileSync(test, `${readFileSync(test, "utf8")}0,0,1\n`);
  const file = join(bench, "predictions", "mf-run0.csv");
  let r = ctar(["score", tampered, "--task", "ratings", "--predictions", file]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /test\.csv: SHA-256 [0-9a-f]{12}… differs from task\.json's/);
  const old = join(root, "old");
  ok(["task", "ratings", data, "--out", old]);
  const doc = join(old, "task.json");
  writeFileSync(doc, readFileSync(doc, "utf8").replace(/"version": "[^"]*"/, '"version": "0.0.1"'));
  r = ctar(["score", old, "--task", "ratings", "--predictions", file]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /task\.json: written by ctar 0\.0\.1, this is ctar /);
  r = ctar(["bench", data, "--task", "nope"]);
  assert.equal(r.status, 2, r.stderr);
  // every registered task is listed, in the registry's order
  assert.ok(r.stderr.includes(`unknown task 'nope' (known tasks: ${TASKS.map((t) => t.name).join(", ")})`), r.stderr);
  assert.ok(TASKS.length >= 6, "tags, effects, ratings, uplift, ope, ranking");
  r = ctar(["task", "ratings", data, "--out", join(root, "empty"), "--split", "0,5,95"]);
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /--split: .* leaves the uniform-train split empty/);
  const none = join(root, "none");
  ok(["generate", "--out", none, "--users", "120", "--movies", "60", "--do", "R_R=uniform:0.000001", "--quiet"]);
  r = ctar(["task", "ratings", none, "--out", join(root, "none-task")]);
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /train\/rating\.csv: no observed ratings/);
});

test("ctar task is deterministic; its split seed changes the sample", () => {
  const again = join(root, "again");
  ok(["task", "ratings", data, "--out", again]);
  for (const f of ["train.csv", "test.csv", "population_moments.csv", "user_liked_tags.csv", "task.json", "README.md"]) {
    assert.equal(readFileSync(join(again, f), "utf8"), readFileSync(join(taskDir, f), "utf8"), f);
  }
  const other = join(root, "other");
  ok(["task", "ratings", data, "--out", other, "--split-seed", "1"]);
  assert.notEqual(readFileSync(join(other, "test.csv"), "utf8"), readFileSync(join(taskDir, "test.csv"), "utf8"));
});
