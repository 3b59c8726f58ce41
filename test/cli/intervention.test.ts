/**
 * `ctar generate --do`: with the same seed the simulated world (TU, Q, R, TL) is the same and only
 * what the intervention touches changes; the interventions are recorded in config.json; bad
 * interventions are one clear message.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "300", "--rct-users", "20", "--test2-draws", "300", "--test2-positives", "90", "--test3-draws", "300", "--test3-positives", "90", "--seed", "21"];

const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const qualityColumn = (dir: string) => read(dir, "truth/movie.csv").split("\n").map((l) => l.split(",")[5]).join("\n");
const propensityColumn = (dir: string) => read(dir, "truth/movie.csv").split("\n").slice(1, -1).map((l) => Number(l.split(",")[6]));

function generate(root: string, name: string, extra: string[]): string {
  const out = join(root, name);
  const r = ctar(["generate", "--out", out, "--quiet", ...SMALL, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test("--do keeps the world and changes only the intervened observations", () => {
  const root = tempDir();
  const base = generate(root, "base", []);
  const rr = generate(root, "rr", ["--do", "R_R=uniform:0.02"]);
  const ro = generate(root, "ro", ["--do", "R_O=uniform:0.007"]);
  const rs = generate(root, "rs", ["--do", "RecSys=uniform"]);
  for (const d of [rr, ro, rs]) {
    for (const f of ["truth/liked_tags.csv", "truth/user_tag.csv", "train/movie.csv", "train/rcttag.csv"]) assert.equal(read(d, f), read(base, f), `${d}: ${f} changed`);
    assert.equal(qualityColumn(d), qualityColumn(base), `${d}: quality changed`);
  }
  // do(R_R): ratings observed differently, observational tags untouched (R_O does not read R_R).
  assert.notEqual(read(rr, "train/rating.csv"), read(base, "train/rating.csv"));
  assert.equal(read(rr, "train/obstag.csv"), read(base, "train/obstag.csv"));
  assert.deepEqual(new Set(propensityColumn(rr)), new Set([0.02]));
  // do(R_O): the reverse.
  assert.equal(read(ro, "train/rating.csv"), read(base, "train/rating.csv"));
  assert.notEqual(read(ro, "train/obstag.csv"), read(base, "train/obstag.csv"));
  // do(RecSys = uniform): both missingness mechanisms read it; R_R becomes uniform at the rate.
  assert.notEqual(read(rs, "train/rating.csv"), read(base, "train/rating.csv"));
  for (const p of propensityColumn(rs)) assert.ok(Math.abs(p - 0.02) < 1e-15, `p = ${p}`);
  // Every observed rating is the same potential outcome R as in the factual world.
  const ratings = (d: string) => new Map(read(d, "train/rating.csv").trim().split("\n").slice(1).map((l) => [l.split(",").slice(0, 2).join(","), l.split(",")[2]]));
  const factual = ratings(base);
  let shared = 0;
  for (const [pair, r] of ratings(rr)) {
    if (!factual.has(pair)) continue;
    shared++;
    assert.equal(r, factual.get(pair), `pair ${pair}`);
  }
  assert.ok(shared > 0, "no pair observed in both worlds");
  const cfg = JSON.parse(read(rr, "config.json")) as { interventions: unknown; graph: { nodes: { name: string; parents: string[]; mechanism: unknown }[] } };
  assert.deepEqual(cfg.interventions, [{ node: "R_R", mechanism: { kind: "uniform-missingness", params: { rate: 0.02 } }, text: "R_R=uniform:0.02" }]);
  const node = cfg.graph.nodes.find((n) => n.name === "R_R")!;
  assert.deepEqual(node.parents, []);
  assert.deepEqual((JSON.parse(read(base, "config.json")) as { interventions: unknown }).interventions, []);
});

test("bad --do values fail with one line naming the intervention, and write nothing", () => {
  const root = tempDir();
  const cases: Array<[string, RegExp]> = [
    ["R_Q=uniform:0.1", /^ctar: --do R_Q=uniform:0\.1: unknown node 'R_Q'/],
    ["R_R=coin:0.1", /^ctar: --do R_R=coin:0\.1: unknown mechanism 'coin'/],
    ["R_R=uniform:1.5", /^ctar: --do R_R=uniform:1\.5: parameter 'rate' of 'uniform-missingness'/],
    ["R_R", /^ctar: --do R_R: expected NODE=MECHANISM\[:param\]/],
  ];
  for (const [iv, pattern] of cases) {
    const out = join(root, "x");
    const r = ctar(["generate", "--out", out, ...SMALL, "--do", iv]);
    assert.notEqual(r.status, 0, iv);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
    assert.ok(!existsSync(out));
  }
});
