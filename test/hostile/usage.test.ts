/**
 * Hostile command lines: every usage error is one line in ctar's format naming the option or
 * argument, exit 2, and creates nothing (docs/failures.md, "Exit codes").
 */
import { join } from "node:path";
import { describe, it } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { expectFailure } from "./harness.js";
import { SMALL, baseDataset, scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numeric = CTAR_OPTIONS.filter((o) => o.kind !== "string");

describe("a non-number for every numeric generator option (generate)", { concurrency: 4 }, () => {
  for (const o of numeric) {
    it(`--${o.flag} abc`, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--out", out, `--${o.flag}`, "abc"], code: 2, match: new RegExp(`^ctar: --${esc(o.flag)}: expected a (whole )?number \\(got 'abc'\\)`), absent: [out] });
    });
  }
});

describe("an infinite value for numeric generator options (verify, every fourth option)", { concurrency: 4 }, () => {
  for (const o of numeric.filter((_, i) => i % 4 === 0)) {
    it(`verify --${o.flag} 1e999`, async () => {
      await expectFailure({ args: ["verify", `--${o.flag}`, "1e999"], code: 2, match: new RegExp(`^ctar: --${esc(o.flag)}: expected a (whole )?number`) });
    });
  }
});

const usage: Array<[string, string[], RegExp]> = [
  ["generate without --out", ["generate"], /^ctar: --out: required option not given \(run 'ctar generate --help'/],
  ["--out without a value", ["generate", "--out"], /^ctar: --out: expected a value after the option/],
  ["--users without a value", ["generate", "--out", "OUT", "--users"], /^ctar: --users: expected a value after the option/],
  ["unknown option of generate", ["generate", "--out", "OUT", "--userz", "3"], /^ctar: --userz: unknown option/],
  ["unknown option of stats", ["stats", "x", "--jsn"], /^ctar: --jsn: unknown option/],
  ["unknown option of bench", ["bench", "x", "--run", "2"], /^ctar: --run: unknown option/],
  ["unknown option of ope", ["ope", "x", "--policy", "random", "--polcy", "y"], /^ctar: --polcy: unknown option/],
  ["unknown option of verify", ["verify", "--alfa", "0.1"], /^ctar: --alfa: unknown option/],
  ["unknown option of graph show", ["graph", "show", "--fmt", "json"], /^ctar: --fmt: unknown option/],
  ["unknown option of graph draw", ["graph", "draw", "--outt", "x"], /^ctar: --outt: unknown option/],
  ["stats without its folder", ["stats"], /^ctar: stats: missing argument <dir>/],
  ["bench without its folder", ["bench"], /^ctar: bench: missing argument <dir>/],
  ["ope without --policy", ["ope", "x"], /^ctar: --policy: required option not given/],
  ["stats with two folders", ["stats", "a", "b"], /^ctar: stats: too many arguments/],
  ["graph dsep with one set", ["graph", "dsep", "R"], /^ctar: graph dsep: missing argument <y>/],
  ["an unknown command", ["generat"], /^ctar: unknown command 'generat' \(expected one of generate, /],
  ["an unknown graph command", ["graph", "shw"], /^ctar: graph: unknown command 'shw'/],
  ["bench --runs 0", ["bench", "x", "--runs", "0"], /^ctar: --runs: expected an integer ≥ 1 \(got '0'\)/],
  ["bench --runs 2.5", ["bench", "x", "--runs", "2.5"], /^ctar: --runs: expected an integer ≥ 1/],
  ["bench --seed -1", ["bench", "x", "--seed", "-1"], /^ctar: --seed: expected an integer ≥ 0/],
  ["bench --epochs 0", ["bench", "x", "--epochs", "0"], /^ctar: --epochs: expected an integer ≥ 1/],
  ["bench --workers 0", ["bench", "x", "--workers", "0"], /^ctar: --workers: expected an integer ≥ 1/],
  ["bench --precision f16", ["bench", "x", "--precision", "f16"], /^ctar: --precision: expected f32 or f64/],
  ["bench --models ''", ["bench", "x", "--models", ","], /^ctar: --models: expected at least one model/],
  ["bench --models bogus", ["bench", "x", "--models", "mf,bogus"], /^ctar: --models: unknown model 'bogus'/],
  ["ope --k 0", ["ope", "x", "--policy", "random", "--k", "0"], /^ctar: --k: expected a whole number ≥ 1/],
  ["ope --k ten", ["ope", "x", "--policy", "random", "--k", "ten"], /^ctar: --k: expected a whole number ≥ 1/],
  ["verify --alpha 2", ["verify", "--alpha", "2"], /^ctar: --alpha: expected a number between 0 and 1/],
  ["verify --alpha x", ["verify", "--alpha", "x"], /^ctar: --alpha: expected a number between 0 and 1/],
  ["verify with a folder and options", ["verify", "DATASET", "--users", "5"], /^ctar: ctar verify: give either a dataset folder or configuration options/],
  ["generate --truth bogus", ["generate", "--out", "OUT", "--truth", "bogus"], /^ctar: --truth: unknown level 'bogus'/],
  ["graph draw --format png", ["graph", "draw", "--format", "png"], /^ctar: ctar graph: --format \(got 'png'/],
  ["graph show --format xml", ["graph", "show", "--format", "xml"], /^ctar: ctar graph: --format \(got 'xml'/],
  ["graph --preset nope", ["graph", "show", "--preset", "nope"], /^ctar: ctar graph: unknown preset \(got 'nope'/],
  ["graph --preset and --graph", ["graph", "show", "--preset", "ctar", "--graph", "g.yaml"], /^ctar: ctar graph: give either --preset or --graph/],
  ["generate --do without '='", ["generate", "--out", "OUT", "--do", "R_R"], /^ctar: --do R_R: expected NODE=MECHANISM/],
  ["generate --do unknown node", ["generate", "--out", "OUT", "--do", "X=uniform"], /^ctar: --do X=uniform: unknown node 'X'/],
  ["generate --do unknown kind", ["generate", "--out", "OUT", "--do", "R_R=bogus"], /^ctar: --do R_R=bogus: unknown mechanism 'bogus'/],
  ["generate --do rate out of range", ["generate", "--out", "OUT", "--do", "R_R=uniform:7"], /^ctar: --do R_R=uniform:7: parameter 'rate'/],
  ["generate --do on a node twice", ["generate", "--out", "OUT", "--do", "R_R=uniform", "--do", "R_R=uniform:0.1"], /^ctar: --do R_R=uniform:0.1: node 'R_R' is intervened on twice/],
  ["analyze --do unknown node", ["graph", "analyze", "--do", "X=uniform"], /^ctar: --do X=uniform: unknown node 'X'/],
  ["analyze --do unknown kind (as generate)", ["graph", "analyze", "--do", "R_R=bogus"], /^ctar: --do R_R=bogus: unknown mechanism 'bogus'/],
  ["analyze --do rate out of range (as generate)", ["graph", "analyze", "--do", "R_R=uniform:7"], /^ctar: --do R_R=uniform:7: parameter 'rate'/],
  ["analyze --do wrong plate (as generate)", ["graph", "analyze", "--do", "Q=uniform-missingness"], /^ctar: --do Q=uniform-missingness: mechanism 'uniform-missingness' runs on plate user-movie/],
  ["rct users above users", ["generate", "--out", "OUT", "--users", "10", "--rct-users", "20"], /^ctar: options: option rct\.users \(--rct-users\): 20 RCT users, but only 10 users/],
  ["liked-tags-min above max", ["generate", "--out", "OUT", "--liked-tags-min", "30", "--liked-tags-max", "20"], /^ctar: options: option likedTags\.min \(--liked-tags-min\)/],
  ["tags per movie out of range", ["generate", "--out", "OUT", "--tags-per-movie", "99"], /^ctar: options: option tagsPerMovie \(--tags-per-movie\)/],
  ["negative users", ["generate", "--out", "OUT", "--users", "-5"], /^ctar: options: option users \(--users\)/],
  ["unknown compat mode", ["generate", "--out", "OUT", "--compat", "authors"], /^ctar: options: option compat \(--compat\)/],
];

describe("usage errors", { concurrency: 4 }, () => {
  for (const [name, args, match] of usage) {
    it(name, async () => {
      const out = join(scratch(), "out");
      const real = args.map((a) => (a === "OUT" ? out : a === "DATASET" ? baseDataset() : a));
      await expectFailure({ args: real, code: 2, match, absent: [out], clean: [join(out, "..")] });
    });
  }
  it("a generator flag after the output is still checked before any work (SMALL plus a bad flag)", async () => {
    const out = join(scratch(), "out");
    await expectFailure({ args: ["generate", "--out", out, ...SMALL, "--obs-rate", "2"], code: 2, match: /option obsTag\.rate \(--obs-rate\)/, absent: [out] });
  });
});
