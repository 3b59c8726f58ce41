/** `ctar generate --graph FILE` runs a user's graph with its modules; `graph analyze --do` cuts edges. */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { REPO, ctar, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "300", "--movies", "200", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];

test("generate --graph runs the exposure-bias example and records it", () => {
  const out = join(tempDir(), "exposure");
  const graph = join(REPO, "examples/exposure-bias/graph.yaml");
  const r = ctar(["generate", "--out", out, "--graph", graph, "--quiet", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const cfg = JSON.parse(readFileSync(join(out, "config.json"), "utf8")) as { graphFile: { path: string; sha256: string }; graph: { nodes: Array<{ name: string }> } };
  assert.ok(cfg.graph.nodes.some((n) => n.name === "Exposure"), "the graph that ran is recorded");
  assert.equal(resolve(out, cfg.graphFile.path), graph, "the graph file, relative to the dataset folder");
  assert.match(cfg.graphFile.sha256, /^[0-9a-f]{64}$/);
  assert.ok(existsSync(join(out, "train/rating.csv")));
});

test("generate --graph refuses flags that set the preset's mechanism parameters", () => {
  const out = join(tempDir(), "x");
  const r = ctar(["generate", "--out", out, "--graph", join(REPO, "examples/user-activity/graph.yaml"), "--rating-rate", "0.05", ...SMALL]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--rating-rate sets a mechanism parameter of the CTAR preset/);
  assert.ok(!existsSync(out));
});

test("graph analyze --do R_R=uniform:0.02 cuts RecSys → R_R and makes R_R MCAR", () => {
  const r = ctar(["graph", "analyze", "--do", "R_R=uniform:0.02"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /cut edges: RecSys → R_R/);
  assert.match(r.stdout, /R_R \(R → R\*\)\s+MCAR/);
  const plain = ctar(["graph", "analyze"]);
  assert.match(plain.stdout, /R_R \(R → R\*\)\s+MAR/);
});
