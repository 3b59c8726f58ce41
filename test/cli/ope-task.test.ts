/**
 * `ctar bench --task ope`: on one world its true values and its naive and IPS (exact propensities)
 * estimates are `ctar ope`'s to the last digit (two code paths over the same regenerated world);
 * the same command gives the same bytes; over a folder of replicates each figure is the mean over
 * the worlds; `ctar task ope` + `ctar score` score a value estimate against the exact value.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";

const root = tempDir();
const reps = join(root, "reps");
const gen = ctar(["generate", "--out", reps, "--replicates", "2", "--seed", "5", "--quiet", "--users", "300", "--movies", "200", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"]);
const world = join(reps, "seed-5");
const FAST = ["--runs", "2", "--epochs", "5"];

interface Row {
  name: string;
  runs: Record<string, number | null>[];
}

test("one world: rows per policy and estimator; true value, naive and IPS-oracle equal ctar ope's; same bytes twice", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const r = ctar(["bench", world, "--task", "ope", ...FAST, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as { policies: { name: string; true_value: number }[]; estimators: Row[] };
  assert.deepEqual(json.policies.map((p) => p.name), ["popularity", "random", "mf"]);
  const runs = Object.fromEntries(json.estimators.map((e) => [e.name, e.runs.length]));
  assert.equal(runs["random/naive"], 1);
  assert.equal(runs["random/ips-oracle"], 1);
  assert.equal(runs["random/ips-est"], 1);
  assert.equal(runs["random/dm"], 2);
  assert.equal(runs["random/switch-dr-est"], 2);
  assert.equal(json.estimators.length, 3 * (2 + 5 * 2));
  for (const policy of ["popularity", "random"]) {
    const ope = JSON.parse(ctar(["ope", world, "--policy", policy, "--json"]).stdout) as { true_value: number; naive: number; ips: number; snips: number };
    const row = (n: string) => json.estimators.find((e) => e.name === `${policy}/${n}`)!.runs[0]!;
    assert.equal(json.policies.find((p) => p.name === policy)!.true_value, ope.true_value, policy);
    assert.equal(row("naive")["estimate"], ope.naive, `${policy} naive`);
    assert.equal(row("ips-oracle")["estimate"], ope.ips, `${policy} IPS`);
    assert.equal(row("snips-oracle")["estimate"], ope.snips, `${policy} SNIPS`);
    const ips = row("ips-oracle");
    assert.equal(ips["error"], ope.ips - ope.true_value);
    assert.equal(ips["rel_ee"], Math.abs(ope.ips - ope.true_value) / ope.true_value);
    assert.equal(ips["sq_err"], (ope.ips - ope.true_value) ** 2);
  }
  // ctar ope --epochs 0: no reward model, DM and DR n/a, the rest unchanged
  const none = JSON.parse(ctar(["ope", world, "--policy", "random", "--epochs", "0", "--json"]).stdout) as Record<string, number | null>;
  const withModel = JSON.parse(ctar(["ope", world, "--policy", "random", "--json"]).stdout) as Record<string, number | null>;
  assert.equal(none["dm"], null);
  assert.equal(none["dr"], null);
  assert.equal(none["ips"], withModel["ips"]);
  assert.equal(typeof withModel["dr"], "number");
  const md = ctar(["bench", world, "--task", "ope", ...FAST]);
  assert.equal(md.status, 0, md.stderr);
  assert.equal(ctar(["bench", world, "--task", "ope", ...FAST]).stdout, md.stdout);
});

test("over 2 replicate worlds: mean over the worlds of each world's figure", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const args = ["--task", "ope", "--runs", "1", "--epochs", "5", "--models", "ips,dr", "--policies", "random"];
  const all = ctar(["bench", reps, ...args, "--json"]);
  assert.equal(all.status, 0, all.stderr);
  const over = JSON.parse(all.stdout) as { overWorlds: { name: string; figures: Record<string, { mean: number; worlds: number } | null> }[] };
  const per = ["seed-5", "seed-6"].map((s) => JSON.parse(ctar(["bench", join(reps, s), ...args, "--json"]).stdout) as { estimators: Row[] });
  for (const name of ["random/ips-oracle", "random/dr-est"]) {
    const f = over.overWorlds.find((m) => m.name === name)!.figures["rel_ee"]!;
    const values = per.map((p) => p.estimators.find((e) => e.name === name)!.runs[0]!["rel_ee"]!);
    assert.equal(f.worlds, 2);
    assert.ok(Math.abs(f.mean - (values[0]! + values[1]!) / 2) < 1e-15, name);
  }
  const md = ctar(["bench", reps, ...args, "--out", join(root, "reps-bench")]);
  assert.match(md.stdout, /^## ope over 2 replicate worlds of /);
  // the report draws it: a dot per world and model, the mean ± sd over the worlds
  const html = join(root, "reps.html");
  const rep = ctar(["report", reps, "--bench", join(root, "reps-bench"), "--out", html]);
  assert.equal(rep.status, 0, rep.stderr);
  const page = readFileSync(html, "utf8");
  assert.equal(page.match(/<svg/g)?.length, 1);
  for (const m of ["random/ips-oracle", "random/dr-est"]) assert.ok(page.includes(`>${m}</`), m);
  const bad = ctar(["report", reps, "--bench", join(root, "reps-bench"), "--metric", "auc", "--out", join(root, "no.html")]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^ctar: --metric: unknown metric 'auc'/);
  assert.ok(!existsSync(join(root, "no.html")));
  assert.match(md.stdout, /\| random\/dr-oracle \| \d\.\d{4} ± \d\.\d{4} \(n\/a\) \|/);
});

test("ctar task ope + ctar score: an estimate equal to the exact value scores 0; the files hold the logged feedback", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const out = join(root, "task");
  const t = ctar(["task", "ope", world, "--out", out, "--policies", "popularity,random"]);
  assert.equal(t.status, 0, t.stderr);
  const policies = readFileSync(join(out, "policies.csv"), "utf8").trim().split("\n");
  assert.equal(policies[0], "policy,users,pairs,observed_pairs,true_value");
  const v = Number(policies[2]!.split(",")[4]);
  assert.equal(readFileSync(join(out, "logged.csv"), "utf8").split("\n")[0], "userid,movieid,rating,pscore,pscore_estimated");
  const preds = join(root, "estimates.csv");
  writeFileSync(preds, `policy,run,estimate\n1,0,${v}\n1,1,${v + 0.5}\n`);
  const s = ctar(["score", out, "--task", "ope", "--predictions", preds, "--json"]);
  assert.equal(s.status, 0, s.stderr);
  const m = (JSON.parse(s.stdout) as { metrics: Record<string, number> }).metrics;
  assert.equal(m["sq_err"], (0 + (v + 0.5 - v) ** 2) / 2);
  assert.ok(Math.abs(m["rel_ee"]! - 0.25 / v) < 1e-15);
  writeFileSync(preds, "policy,run,estimate\n2,0,4\n");
  const bad = ctar(["score", out, "--task", "ope", "--predictions", preds]);
  assert.equal(bad.status, 3);
  assert.match(bad.stderr, /^ctar: .*estimates\.csv:2: policy 2 is not one of this task's \(0 popularity, 1 random\)/);
});
