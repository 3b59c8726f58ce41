/**
 * Hostile user mechanisms (graph files with `modules:`): a value outside its node's domain (a
 * rating 99, −3, 2.5, NaN or Infinity, an indicator 7), a write into a parent's value, a call to
 * process.exit, a throwing finish() and an endless loop are each refused naming the node, the
 * module and the user, exit 4 (a graph error: docs/failures.md), on the main thread, on worker
 * threads and in a shard, with nothing left behind; a rating scale the CTAR layout cannot hold
 * (`round: false`, a fractional --rating-min) is refused before any work.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI, REPO } from "../helpers/paths.js";
import { expectFailure, litterIn, run } from "./harness.js";
import { scratch } from "./fixtures.js";

/** A module of hostile mechanisms; `mode` (a parameter) picks the act, `user` the user it happens at. */
const MODULE = `
const parse = (raw) => ({ mode: String(raw.mode ?? "ok"), user: Number(raw.user ?? 0), code: Number(raw.code ?? 0),
  value: raw.value === "NaN" ? NaN : raw.value === "Infinity" ? Infinity : Number(raw.value ?? 3) });
export const hostileRating = {
  kind: "hostile-rating", description: "rating 3, or a hostile act at one user", plates: ["user-movie"], role: "rating", value: "number-row",
  params: parse,
  setup(ctx) {
    const p = ctx.params;
    if (p.mode === "setup-exit") process.exit(p.code);
    const row = new Float64Array(ctx.dims.movies);
    return {
      forUser({ user }) {
        row.fill(3);
        if (user === p.user) {
          if (p.mode === "value") row[0] = p.value;
          if (p.mode === "exit") process.exit(p.code);
          if (p.mode === "loop") { process.stderr.write("looping\\n"); for (;;); }
        }
        return row;
      },
      finish() { if (p.mode === "finish") throw new Error("the module's finish failed"); },
    };
  },
};
export const hostileIndicator = {
  kind: "hostile-indicator", description: "R_R = 1 on two movies, or a hostile act at one user", plates: ["user-movie"], value: "indicator-row",
  params: parse,
  setup(ctx) {
    const p = ctx.params;
    const row = new Uint8Array(ctx.dims.movies);
    const parent = ctx.node.parents[0];
    return {
      forUser({ user, parents }) {
        row.fill(0); row[0] = 1; row[1] = 1;
        if (user === p.user && p.mode === "value") row[1] = p.value;
        if (user === p.user && p.mode === "parent") parents.get(parent)[2] = 99;
        return row;
      },
    };
  },
};
`;

/** Sizes a graph run accepts (the survey is sized by the graph file below). */
const SIZES = ["--users", "120", "--movies", "40", "--test2-draws", "40", "--test2-positives", "10", "--test3-draws", "30", "--test3-positives", "9"];

let preset: string | undefined;
/** The CTAR preset as a graph file, with a small survey and a rating rate that observes enough pairs. */
function presetText(): string {
  if (preset === undefined) {
    const r = spawnSync(process.execPath, [CLI, "graph", "show", "--preset", "ctar"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`graph show: ${r.stderr}`);
    preset = r.stdout.replace("users: 100, moviesPerUser: 10", "users: 8, moviesPerUser: 5").replace("rate: 0.02, temperature: 500", "rate: 0.3, temperature: 500");
  }
  return preset;
}

const RATING = "kind: rating, params: { mu: 0.7, sigma: 0.25, min: 1, max: 5, round: true }";
const R_R = "kind: popularity-missingness, params: { rate: 0.3, temperature: 500, bias: null }";

/** A folder with the module and a graph whose R and R_R mechanisms are replaced; returns the graph file. */
function graphWith(o: { rating?: string; ratingMissingness?: string; rrParents?: string }): string {
  const dir = scratch();
  writeFileSync(join(dir, "hostile.mjs"), MODULE);
  let text = presetText().replace(RATING, o.rating ?? RATING).replace(R_R, o.ratingMissingness ?? R_R);
  if (o.rrParents !== undefined) text = text.replace(/(- name: R_R\n(?:.*\n)*?\s+parents: )\[ RecSys \]/, `$1${o.rrParents}`);
  assert.ok(o.rrParents === undefined || text.includes(o.rrParents), "the R_R edge was rewritten");
  writeFileSync(join(dir, "graph.yaml"), `${text}modules: [ ./hostile.mjs ]\n`);
  return join(dir, "graph.yaml");
}

const MODULE_NAMED = "\\(mechanism 'hostile-(rating|indicator)' from .*hostile\\.mjs\\)";

/** generate with `graph` must fail with `match`, exit 4, and leave no output and no litter. */
async function refused(graph: string, match: string, extra: string[] = []): Promise<void> {
  const out = join(graph, "..", "out");
  await expectFailure({ args: ["generate", "--graph", graph, "--out", out, "--quiet", ...SIZES, ...extra], code: 4, match: new RegExp(match), absent: [out], clean: [join(out, "..")] });
}

describe("a user mechanism's values outside its node's domain", { concurrency: 4 }, () => {
  for (const value of ["99", "-3", "2.5", "NaN", "Infinity", "0"]) {
    it(`a rating ${value} (user 5) is refused, naming node, module and user`, async () => {
      await refused(graphWith({ rating: `kind: hostile-rating, params: { mode: value, value: "${value}", user: 5 }` }), `^ctar: node 'R' ${MODULE_NAMED}, user 5: returned ${value} for movie 0 \\(expected a whole-number rating in 1\\.\\.5`);
    });
  }
  it("a rating 99 at user 0", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: value, value: 99, user: 0 }" }), `^ctar: node 'R' ${MODULE_NAMED}, user 0: returned 99`);
  });
  it("a rating 99 at the last user, with --workers 2", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: value, value: 99, user: 119 }" }), `^ctar: node 'R' ${MODULE_NAMED}, user 119: returned 99`, ["--workers", "2"]);
  });
  it("a rating NaN in shard 1/2 (its last user)", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: value, value: NaN, user: 119 }" }), `^ctar: node 'R' ${MODULE_NAMED}, user 119: returned NaN`, ["--shard", "1/2"]);
  });
  it("an indicator 7 (R_R, user 0)", async () => {
    await refused(graphWith({ ratingMissingness: "kind: hostile-indicator, params: { mode: value, value: 7, user: 0 }" }), `^ctar: node 'R_R' ${MODULE_NAMED}, user 0: returned 7 for movie 1 \\(expected a missingness indicator, 0 or 1\\)`);
  });
  it("an indicator 7 with --workers 2", async () => {
    await refused(graphWith({ ratingMissingness: "kind: hostile-indicator, params: { mode: value, value: 7, user: 60 }" }), `^ctar: node 'R_R' ${MODULE_NAMED}, user 60: returned 7`, ["--workers", "2"]);
  });
  it("graph validate's trial finds a bad value at user 0 too", async () => {
    const graph = graphWith({ rating: "kind: hostile-rating, params: { mode: value, value: 99, user: 0 }" });
    await expectFailure({ args: ["graph", "validate", "--graph", graph], code: 4, match: new RegExp(`node 'R' ${MODULE_NAMED}, user 0: returned 99`) });
  });
});

describe("a user mechanism that writes into its parents' values", { concurrency: 2 }, () => {
  it("into the rating row it reads (R → R_R), user 7", async () => {
    await refused(graphWith({ ratingMissingness: "kind: hostile-indicator, params: { mode: parent, user: 7 }", rrParents: "[ R, RecSys ]" }), `^ctar: node 'R_R' ${MODULE_NAMED}, user 7: changed the value of its parent 'R' \\(entry 2: \\d → 99\\)`);
  });
  it("into a movie-plate parent (RecSys), with --workers 2", async () => {
    await refused(graphWith({ ratingMissingness: "kind: hostile-indicator, params: { mode: parent, user: 90 }" }), `^ctar: node 'R_R' ${MODULE_NAMED}, user 90: changed the value of its parent 'RecSys'`, ["--workers", "2"]);
  });
});

describe("a user mechanism that tries to end the run", { concurrency: 3 }, () => {
  it("process.exit(0) in forUser on a worker thread: an error, no hang", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: exit, code: 0, user: 100 }" }), `^ctar: node 'R' ${MODULE_NAMED}, user 100: called process\\.exit\\(0\\): a mechanism may not end the process`, ["--workers", "2"]);
  });
  it("process.exit(3) in forUser with one worker", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: exit, code: 3, user: 4 }" }), `^ctar: node 'R' ${MODULE_NAMED}, user 4: called process\\.exit\\(3\\)`, ["--workers", "1"]);
  });
  it("process.exit(0) in setup, on the main thread: an error, not a silent exit 0", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: setup-exit, code: 0 }" }), `^ctar: node 'R' ${MODULE_NAMED} in setup: called process\\.exit\\(0\\)`);
  });
  it("process.exit in verify (main thread) is an error too", async () => {
    const graph = graphWith({ rating: "kind: hostile-rating, params: { mode: exit, code: 0, user: 1 }" });
    await expectFailure({ args: ["verify", "--graph", graph], code: 4, match: new RegExp(`node 'R' ${MODULE_NAMED}, user 1: called process\\.exit\\(0\\)`) });
  });
  it("a throwing finish() fails generate (it is called), labelled 'in finish'", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: finish }" }), `^ctar: node 'R' ${MODULE_NAMED} in finish: the module's finish failed`);
  });
  it("a throwing finish() on worker threads", async () => {
    await refused(graphWith({ rating: "kind: hostile-rating, params: { mode: finish }" }), `^ctar: node 'R' ${MODULE_NAMED} in finish: the module's finish failed`, ["--workers", "2"]);
  });
  it("verify labels a throwing finish() 'in finish', not 'in setup'", async () => {
    const graph = graphWith({ rating: "kind: hostile-rating, params: { mode: finish }" });
    await expectFailure({ args: ["verify", "--graph", graph], code: 4, match: new RegExp(`node 'R' ${MODULE_NAMED} in finish: the module's finish failed`) });
  });
  it("an endless loop in forUser: SIGTERM still stops generate (exit 143, nothing left)", async () => {
    const graph = graphWith({ rating: "kind: hostile-rating, params: { mode: loop, user: 3 }" });
    const out = join(graph, "..", "out");
    const r = await run(["generate", "--graph", graph, "--out", out, "--quiet", ...SIZES], {
      onStderr: (text, child) => {
        if (text.includes("looping") && child.exitCode === null && !child.killed) setTimeout(() => child.kill("SIGTERM"), 200);
      },
    });
    assert.equal(r.status, 143, r.stderr);
    assert.match(r.stderr, /ctar: interrupted \(SIGTERM\)/);
    assert.ok(!existsSync(out));
    assert.deepEqual(litterIn(join(out, "..")), []);
  });
});

describe("a rating scale the CTAR layout cannot hold is refused before any work", { concurrency: 4 }, () => {
  it("--rating-min 1.5", async () => {
    const out = join(scratch(), "out");
    await expectFailure({ args: ["generate", "--out", out, "--rating-min", "1.5"], code: 2, match: /^ctar: options: option rating\.min \(--rating-min\): 1\.5 is not a whole number.*ratings are whole numbers/, absent: [out] });
  });
  it("--rating-max 4.5 (verify too)", async () => {
    await expectFailure({ args: ["verify", "--rating-max", "4.5"], code: 2, match: /option rating\.max \(--rating-max\): 4\.5 is not a whole number/ });
  });
  it("a graph file with round: false (generate)", async () => {
    const graph = graphWith({ rating: "kind: rating, params: { mu: 0.7, sigma: 0.25, min: 1, max: 5, round: false }" });
    const out = join(graph, "..", "out");
    await expectFailure({ args: ["generate", "--graph", graph, "--out", out, "--quiet", ...SIZES], code: 4, match: /cannot be written in the CTAR layout/, absent: [out], listAllowed: true });
  });
  it("a graph file with round: false (graph validate agrees with generate)", async () => {
    const graph = graphWith({ rating: "kind: rating, params: { mu: 0.7, sigma: 0.25, min: 1, max: 5, round: false }" });
    const r = await expectFailure({ args: ["graph", "validate", "--graph", graph], code: 4, match: /cannot be (written|generated) in the CTAR layout/, listAllowed: true });
    assert.match(r.stderr, /node 'R' \(mechanism 'rating'\): parameter 'round': round: false gives non-integer ratings/);
  });
});

describe("where modules come from and the sizes they are checked at", { concurrency: 3 }, () => {
  it("a module outside any project imports \"ctar\": it resolves to the running ctar (main thread and --workers 2)", async () => {
    const dir = scratch();
    const { cpSync } = await import("node:fs");
    cpSync(join(REPO, "examples/exposure-bias"), dir, { recursive: true });
    for (const workers of ["1", "2"]) {
      const out = join(dir, `out-${workers}`);
      const r = await run(["generate", "--graph", join(dir, "graph.yaml"), "--out", out, "--quiet", "--workers", workers, ...SIZES]);
      assert.equal(r.status, 0, r.stderr);
    }
  });
  it("generate --config DIR/config.json refuses a module changed since the dataset was made", async () => {
    const graph = graphWith({ rating: "kind: hostile-rating" });
    const d = join(graph, "..", "ds");
    const g = await run(["generate", "--graph", graph, "--out", d, "--quiet", ...SIZES]);
    assert.equal(g.status, 0, g.stderr);
    writeFileSync(join(graph, "..", "hostile.mjs"), `${MODULE}\n// edited\n`);
    const out = join(graph, "..", "again");
    await expectFailure({ args: ["generate", "--config", join(d, "config.json"), "--out", out, "--quiet"], code: 2, match: /^ctar: --config .*config\.json: the mechanism module .*hostile\.mjs has changed since the dataset was generated/, absent: [out] });
  });
  it("graph validate --users/--movies: the trial runs at the sizes given, and refuses what generate refuses there", async () => {
    const graph = graphWith({ ratingMissingness: "kind: hostile-indicator, params: { mode: value, value: 7, user: 1 }" });
    // user 1 is in the trial (its first two users) at any size; the size is the one given
    const r = await run(["graph", "validate", "--graph", graph, "--users", "120", "--movies", "40"]);
    assert.equal(r.status, 4, r.stderr);
    assert.match(r.stderr, /does not run with 120 users × 40 movies: node 'R_R'/);
    const ok = await run(["graph", "validate", "--graph", graphWith({}), "--users", "120", "--movies", "40"]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /every mechanism ran on a trial of 120 users × 40 movies\)/);
    // 50 users: the configuration's survey (100 users) is refused by both, with the same words
    const v = await run(["graph", "validate", "--graph", graphWith({}), "--users", "50"]);
    const g = await run(["generate", "--graph", graphWith({}), "--out", join(scratch(), "out"), "--users", "50"]);
    assert.equal(v.status, 2, v.stderr);
    assert.equal(g.status, 2, g.stderr);
    assert.equal(v.stderr.replace(/^ctar: \w+:/, ""), g.stderr.replace(/^ctar: \w+:/, ""));
  });
  it("the explorer preview generates at the server's smallest size (10 users × 20 movies)", async () => {
    const { runPreview } = await import("../../src/io/serve/explore-preview.js");
    const { builtinRegistry } = await import("../../src/mechanisms/registry.js");
    const { buildCtarGraph } = await import("../../src/presets/ctar-graph.js");
    const { rmSync } = await import("node:fs");
    const p = await runPreview(buildCtarGraph(), builtinRegistry(), { users: 10, movies: 20, seed: 1 });
    rmSync(p.dir, { recursive: true, force: true });
    assert.ok(p.files.includes("train/rating.csv"));
  });
});
