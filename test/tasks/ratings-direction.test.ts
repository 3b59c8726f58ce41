/**
 * The direction the debiasing literature reports, pinned on the exact population risk: on a
 * strongly MNAR world (users rate what they like: a `--graph` world whose R_R is the module
 * test/tasks/fixtures/self-selection.mjs) MF with oracle IPS weights has a lower population risk
 * than naive MF; on an MCAR world (`--do R_R=uniform`) the two agree. Fixed seeds; the tolerance
 * is k = 3 standard errors of the difference of two means over R runs, from the runs' own sd.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { REPO, ctar, tempDir } from "../helpers/paths.js";

const SIZE = ["--users", "500", "--movies", "300", "--quiet"];
const RUNS = 4;
const K = 3;

/** The preset graph with R_R replaced by the self-selection module. */
export function selfSelectionGraph(dir: string): string {
  const shown = ctar(["graph", "show", "--preset", "ctar"]);
  assert.equal(shown.status, 0, shown.stderr);
  const s = shown.stdout;
  const i = s.indexOf("  - name: R_R\n");
  const j = s.indexOf("  - name: R_RCT\n");
  assert.ok(i > 0 && j > i, "the preset has R_R before R_RCT");
  const rr = ["  - name: R_R", "    set: R", "    plate: user-movie", "    parents: [ R ]", "    mechanism: { kind: rating-self-selection, params: { rate: 0.02, beta: 1 } }", "    description: users rate what they like", ""].join("\n");
  const file = join(dir, "self-selection.yaml");
  writeFileSync(file, `${s.slice(0, i)}${rr}${s.slice(j)}modules: [ ${join(REPO, "test/tasks/fixtures/self-selection.mjs")} ]\n`);
  return file;
}

interface Summary {
  readonly mean: number;
  readonly sd: number;
}

function popRisk(dir: string): { naive: Summary; ips: Summary } {
  const r = ctar(["bench", dir, "--task", "ratings", "--models", "mf,mf-ips-oracle", "--runs", String(RUNS), "--epochs", "30", "--seed", "3", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const models = (JSON.parse(r.stdout) as { models: { name: string; summary: { pop_risk: Summary } }[] }).models;
  const get = (name: string) => models.find((m) => m.name === name)!.summary.pop_risk;
  return { naive: get("mf"), ips: get("mf-ips-oracle") };
}

const se = (a: Summary, b: Summary) => Math.sqrt((a.sd * a.sd + b.sd * b.sd) / RUNS);

test("strongly MNAR world: oracle IPS lowers the exact population risk against naive MF", () => {
  const root = tempDir();
  const g = ctar(["generate", "--out", join(root, "w"), "--graph", selfSelectionGraph(root), ...SIZE]);
  assert.equal(g.status, 0, g.stderr);
  const { naive, ips } = popRisk(join(root, "w"));
  assert.ok(naive.mean - ips.mean > K * se(naive, ips), `naive ${naive.mean} (sd ${naive.sd}) vs oracle IPS ${ips.mean} (sd ${ips.sd})`);
});

test("MCAR world (--do R_R=uniform): naive MF and oracle IPS agree within the run-to-run error", () => {
  const root = tempDir();
  const g = ctar(["generate", "--out", join(root, "w"), "--do", "R_R=uniform", ...SIZE]);
  assert.equal(g.status, 0, g.stderr);
  const { naive, ips } = popRisk(join(root, "w"));
  assert.ok(Math.abs(naive.mean - ips.mean) <= K * se(naive, ips), `naive ${naive.mean} (sd ${naive.sd}) vs oracle IPS ${ips.mean} (sd ${ips.sd})`);
});
