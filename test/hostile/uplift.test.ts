/**
 * Hostile inputs of the ctar-uplift world and the uplift task (docs/tasks-uplift.md#bad-input):
 * the task asked of a world without a treatment and an outcome (exit 3, naming the variant to
 * use), impossible propensity or outcome parameters in a graph file (exit 2, naming node and
 * parameter), a treatment or outcome wired to the wrong parents (exit 4), and bad predictions
 * files (exit 3, file:line; an edited task folder is caught by its checksums), --propensity of a
 * world without a treatment (exit 2), shards made with and without it merged (exit 3) — one line each,
 * nothing written. A c above 1 is not refused: the
 * probabilities above 1 are clipped and reported, and the world is made.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../helpers/paths.js";
import { expectFailure, run } from "./harness.js";
import { baseDataset, scratch } from "./fixtures.js";

/** The survey of the shown graph asks for 100 users and 10 movies each: the smallest world that holds it. */
const SIZES = ["--users", "120", "--movies", "40", "--test2-draws", "40", "--test2-positives", "10", "--test3-draws", "30", "--test3-positives", "9", "--quiet"];

let shown: string | undefined;
function graphText(): string {
  if (shown === undefined) {
    const r = spawnSync(process.execPath, [CLI, "graph", "show", "--preset", "ctar-uplift"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`fixture: graph show: ${r.stderr}`);
    shown = r.stdout;
  }
  return shown;
}

/** The ctar-uplift graph with an edit, written to a scratch file. */
function graphWith(edit: (text: string) => string): string {
  const file = join(scratch(), "uplift.yaml");
  const text = edit(graphText());
  assert.notEqual(text, graphText(), "the edit changed nothing");
  writeFileSync(file, text);
  return file;
}

const recParams = (p: string) => (t: string) => t.replace("kind: rank-treatment }", `kind: rank-treatment, params: { ${p} } }`);
const yParams = (p: string) => (t: string) => t.replace("kind: treatment-outcome }", `kind: treatment-outcome, params: { ${p} } }`);

let task: string | undefined;
/** A task folder of a small ctar-uplift world. */
function upliftTaskDir(): string {
  if (task === undefined) {
    const d = scratch();
    const graph = join(d, "uplift.yaml");
    writeFileSync(graph, graphText());
    for (const args of [["generate", "--graph", graph, "--out", join(d, "w"), ...SIZES], ["task", "uplift", join(d, "w"), "--out", join(d, "t")]]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`fixture: ctar ${args.join(" ")}: ${r.stderr}`);
    }
    task = join(d, "t");
  }
  return task;
}

const NO_NODES = /the uplift task needs a treatment and an outcome, but its graph has no outcome node .*ctar-uplift.*ctar graph show --preset ctar-uplift/;

describe("the uplift task of a world without Rec and Y", { concurrency: 3 }, () => {
  it("bench --task uplift on the default world: exit 3, naming the variant, no output", async () => {
    const out = join(scratch(), "bench");
    await expectFailure({ args: ["bench", baseDataset(), "--task", "uplift", "--out", out], code: 3, match: NO_NODES, absent: [out] });
  });
  it("ctar task uplift on the default world: exit 3, no task folder", async () => {
    const out = join(scratch(), "task");
    await expectFailure({ args: ["task", "uplift", baseDataset(), "--out", out], code: 3, match: NO_NODES, absent: [out] });
  });
  it("ctar score --task uplift on the default world: exit 3", async () => {
    const file = join(scratch(), "p.csv");
    writeFileSync(file, "userid,movieid,uplift\n0,0,1\n");
    await expectFailure({ args: ["score", baseDataset(), "--task", "uplift", "--predictions", file], code: 3, match: NO_NODES });
  });
});

describe("impossible settings of Rec and Y in a graph file", { concurrency: 3 }, () => {
  const cases: [string, (t: string) => string, number, RegExp][] = [
    ["c = 0", recParams("c: 0"), 2, /node 'Rec': parameter 'c' of 'rank-treatment'/],
    ["p < 0", recParams("p: -1"), 2, /node 'Rec': parameter 'p' of 'rank-treatment'/],
    ["noise < 0", recParams("noise: -0.5"), 2, /node 'Rec': parameter 'noise' of 'rank-treatment'/],
    ["a treated arm above 1", yParams("treated: 1.5"), 2, /node 'Y': parameter 'treated' of 'treatment-outcome'/],
    ["an empty outcome scale", yParams("min: 5, max: 5"), 2, /node 'Y': parameter 'min' of 'treatment-outcome'.*not below max/],
    ["Y without its treatment parent", (t) => t.replace("parents: [ R, Rec ]", "parents: [ R ]"), 4, /node 'Y': treatment-outcome needs two parents/],
    ["Rec without a parent", (t) => t.replace(/parents: \[ R \]\n(\s+)mechanism: \{ kind: rank-treatment/, "parents: []\n$1mechanism: { kind: rank-treatment"), 4, /node 'Rec': rank-treatment needs exactly one parent/],
  ];
  for (const [what, edit, code, match] of cases) {
    it(`${what}: exit ${code}, nothing written`, async () => {
      const graph = graphWith(edit);
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--graph", graph, "--out", out, ...SIZES], code, match, absent: [out] });
    });
  }
  it("c above 1 is clipped and reported, and the world is made", async () => {
    const graph = graphWith(recParams("c: 3, p: 1"));
    const out = join(scratch(), "out");
    const r = await run(["generate", "--graph", graph, "--out", out, ...SIZES]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /ctar: warning: node 'Rec': c 3 with p 1 pushes P\(Rec = 1\) above 1 for the top 2 of 40 ranks; clipped to 1/);
    assert.ok(existsSync(join(out, "config.json")));
  });
});

describe("--propensity (every pair's P(T = 1), train/propensity.csv.gz)", { concurrency: 2 }, () => {
  const NO_TREATMENT = /^ctar: --propensity: writes P\(T = 1\) of a treatment, but its graph has no outcome node .*ctar graph show --preset ctar-uplift > uplift\.yaml/;
  it("on the CTAR preset: exit 2, naming the variant, nothing written", async () => {
    const out = join(scratch(), "out");
    await expectFailure({ args: ["generate", "--out", out, "--propensity", ...SIZES], code: 2, match: NO_TREATMENT, absent: [out] });
  });
  it("on a graph whose outcome lost its treatment parent: refused before the world is set up", async () => {
    const out = join(scratch(), "out");
    const graph = graphWith((t) => t.replace("parents: [ R, Rec ]", "parents: [ R ]"));
    await expectFailure({ args: ["generate", "--graph", graph, "--out", out, "--propensity", ...SIZES], code: 2, match: /^ctar: --propensity: .*its outcome node 'Y' has no treatment parent/, absent: [out] });
  });
  it("a shard of an uplift world with --propensity records it, and a shard without it is of another run", async () => {
    const d = scratch();
    const graph = graphWith(recParams("c: 0.6"));
    const made = await run(["generate", "--graph", graph, "--out", join(d, "p0"), "--shard", "0/2", "--propensity", ...SIZES]);
    assert.equal(made.status, 0, made.stderr);
    assert.ok(existsSync(join(d, "p0", "train/propensity.csv.gz")));
    assert.equal((await run(["generate", "--graph", graph, "--out", join(d, "p1"), "--shard", "1/2", ...SIZES])).status, 0);
    const out = join(d, "merged");
    await expectFailure({ args: ["merge", join(d, "p0"), join(d, "p1"), "--out", out], code: 3, match: /p1: a part of another run than .*p0/, absent: [out] });
  });
});

describe("bad uplift predictions files", { concurrency: 3 }, () => {
  const cases: [string, string, RegExp][] = [
    ["a value that is not a number", "userid,movieid,uplift\n0,1,0.5\n0,2,x\n", /p\.csv:3: column 'uplift' is not a number \(got 'x'\)/],
    ["a duplicate pair", "userid,movieid,uplift\n0,1,0.5\n0,1,0.2\n", /p\.csv:3: duplicate pair userid 0, movieid 1 \(first at .*p\.csv:2\)/],
    ["an unknown movie", "userid,movieid,uplift\n0,40,0.5\n", /p\.csv:2: unknown movieid 40/],
    ["a missing column", "userid,movieid,score\n0,1,0.5\n", /p\.csv.*uplift/],
  ];
  for (const [what, text, match] of cases) {
    it(`${what}: exit 3, file:line`, async () => {
      const file = join(scratch(), "p.csv");
      writeFileSync(file, text);
      await expectFailure({ args: ["score", upliftTaskDir(), "--task", "uplift", "--predictions", file], code: 3, match });
    });
  }
});
