/**
 * Hostile input of the click world and its task (docs/tasks-ranking.md#bad-input): a list longer
 * than the catalog, η or ε outside their ranges (exit 2, naming the node and parameter), and the
 * ranking task or the ULTRA export asked of a world without click nodes (exit 2, naming the
 * variant to use), and --propensity asked of it (exit 2: it has no treatment); nothing is written.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { CLI } from "../helpers/paths.js";
import { expectFailure } from "./harness.js";
import { baseDataset, scratch } from "./fixtures.js";

let shown: string | undefined;
/** The variant's graph file with one edit. */
function clickGraph(edit: (text: string) => string): string {
  if (shown === undefined) {
    const r = spawnSync(process.execPath, [CLI, "graph", "show", "--preset", "ctar-clicks"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`fixture: ${r.stderr}`);
    shown = r.stdout;
  }
  const text = edit(shown);
  if (text === shown) throw new Error("fixture: the edit changed nothing");
  const file = join(scratch(), "clicks.yaml");
  writeFileSync(file, text);
  return file;
}

// The graph file sets every mechanism parameter, so only the sizes are flags (users enough for R_RCT's 100).
const generate = (graph: string, out: string) => ["generate", "--graph", graph, "--out", out, "--quiet", "--users", "200", "--movies", "30"];

describe("hostile: the click world", { concurrency: 2 }, () => {
  it("a list longer than the catalog", async () => {
    const out = join(scratch(), "out");
    await expectFailure({ args: generate(clickGraph((t) => t.replace("length: 10", "length: 31")), out), code: 2, match: /node 'List': list length 31 is longer than the catalog \(30 movies/, absent: [out] });
  });
  for (const [what, from, to, match] of [
    ["η below 0", "eta: 1 }", "eta: -0.5 }", /node 'E': parameter 'eta' of 'position-examination'.*>=0/],
    ["η above 10", "eta: 1 }", "eta: 12 }", /node 'E': parameter 'eta' of 'position-examination'.*<=10/],
    ["ε− above 1", "epsMin: 0.1", "epsMin: 1.5", /node 'A': parameter 'epsMin' of 'graded-attractiveness'.*<=1/],
    ["ε− above ε+", "epsMax: 1", "epsMax: 0.05", /node 'A': parameter 'epsMin' of 'graded-attractiveness': 0\.1 exceeds epsMax = 0\.05/],
    ["a swap rate above 1", "swap: 0.2", "swap: 2", /node 'List': parameter 'swap' of 'logging-ranker'.*<=1/],
  ] as const) {
    it(what, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: generate(clickGraph((t) => t.replace(from, to)), out), code: 2, match, absent: [out] });
    });
  }
  it("--propensity of a click world (it has no treatment)", async () => {
    const out = join(scratch(), "out");
    await expectFailure({ args: [...generate(clickGraph((t) => t.replace("length: 10", "length: 5")), out), "--propensity"], code: 2, match: /^ctar: --propensity: writes P\(T = 1\) of a treatment, but its graph has no outcome node .*ctar-uplift/, absent: [out] });
  });
  const noClicks = /the world has no click nodes .*generate one from the variant ctar-clicks/;
  it("bench --task ranking on a world without clicks", async () => {
    await expectFailure({ args: ["bench", baseDataset(), "--task", "ranking"], code: 2, match: noClicks });
  });
  it("task ranking on a world without clicks writes nothing", async () => {
    const out = join(scratch(), "task");
    await expectFailure({ args: ["task", "ranking", baseDataset(), "--out", out], code: 2, match: noClicks, absent: [out] });
  });
  it("export --to ultra of a world without clicks writes nothing", async () => {
    const out = join(scratch(), "ultra");
    await expectFailure({ args: ["export", baseDataset(), "--to", "ultra", "--out", out], code: 2, match: noClicks, absent: [out] });
  });
  it("score --task ranking on a world without clicks", async () => {
    const file = join(scratch(), "p.csv");
    writeFileSync(file, "userid,movieid,score\n0,0,1\n");
    await expectFailure({ args: ["score", baseDataset(), "--task", "ranking", "--predictions", file], code: 2, match: noClicks });
  });
});
