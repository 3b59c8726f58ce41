/**
 * The CTAR layout finds its nodes by role (src/mechanisms/roles.ts), not by name: the CTAR graph
 * with every layout node renamed is written with every file filled — the quality and exact
 * propensity columns, τ (truth/user_tag.csv), the potential outcomes of truth/full.csv.gz. The propensities depend on the exposure score only, so they equal
 * the preset's; the rest is drawn from streams keyed by the new names, so it differs.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { ctar, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "120", "--movies", "150", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60", "--seed", "3", "--quiet", "--truth", "full"];
const NAMES: Record<string, string> = { TM: "Tags", TU: "Likes", TL: "Overlap", Q: "Quality", R: "Rating", R_R: "Seen", R_O: "Tagged", R_RCT: "Asked" };

test("a CTAR graph with renamed nodes is written in full", () => {
  const root = tempDir();
  const shown = ctar(["graph", "show", "--preset", "ctar", "--format", "json"]);
  assert.equal(shown.status, 0, shown.stderr);
  const graph = JSON.parse(shown.stdout) as { nodes: { name: string; parents: string[] }[] };
  const rename = (s: string) => NAMES[s] ?? s;
  for (const n of graph.nodes) {
    n.name = rename(n.name);
    n.parents = n.parents.map(rename);
  }
  const file = join(root, "renamed.json");
  writeFileSync(file, JSON.stringify(graph));
  const preset = join(root, "preset");
  const renamed = join(root, "renamed");
  for (const [out, extra] of [[preset, []], [renamed, ["--graph", file]]] as const) {
    const r = ctar(["generate", "--out", out, ...SMALL, ...extra]);
    assert.equal(r.status, 0, r.stderr);
  }
  const rows = (d: string, f: string) => readFileSync(join(d, f), "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
  const movie = rows(renamed, "truth/movie.csv");
  assert.equal(movie.length, 150);
  for (const r of movie) assert.ok(Number.isFinite(Number(r[5])) && r[5] !== "", `quality ${r[5]}`);
  assert.deepEqual(movie.map((r) => r[6]), rows(preset, "truth/movie.csv").map((r) => r[6]));
  assert.ok(rows(renamed, "truth/user_tag.csv").length > 0);
  assert.ok(rows(renamed, "test/test_2.csv").length > 0);
  const full = gunzipSync(readFileSync(join(renamed, "truth/full.csv.gz"))).toString("utf8").trim().split("\n").slice(1);
  assert.equal(full.length, 120 * 150);
  for (const line of full.slice(0, 500)) {
    const [, , rating, , pRating, pObsTag] = line.split(",");
    for (const v of [rating, pRating, pObsTag]) assert.ok(v !== undefined && v !== "" && Number.isFinite(Number(v)), line);
  }
});
