/**
 * `ctar bench` and `ctar ope` on a folder of worlds: on replicates, every figure is the mean ±
 * sd over the worlds of what `bench WORLD` (`ope WORLD`) gives on each world alone, recomputed
 * here from those runs; on a sweep, a row per value; `report SWEEP --bench B` draws it.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type CliResult, ctarAsync, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "100", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const run = (args: readonly string[]): Promise<CliResult> => ctarAsync(args, { env: ENV });
const BENCH = ["--runs", "2", "--epochs", "2", "--workers", "1", "--models", "mf,mf-ips"];

interface RunsSummary { models: { name: string; runs: Record<string, Record<string, number | null>>[] }[] }
interface OverJson { worlds: { folder: string; seed?: number; value?: number; models: { name: string; figures: Record<string, { mean: number; runSd: number | null } | null> }[] }[]; overWorlds: { name: string; figures: Record<string, { mean: number; sd: number | null; runSd: number | null; worlds: number } | null> }[] }

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test("bench and ope on replicates: mean ± sd over worlds of each world's own bench and ope", async () => {
  const root = tempDir();
  const reps = join(root, "reps");
  const g = await run(["generate", "--out", reps, "--replicates", "2", "--quiet", ...SMALL]);
  assert.equal(g.status, 0, g.stderr);
  const over = await run(["bench", reps, ...BENCH, "--json"]);
  assert.equal(over.status, 0, over.stderr);
  const o = JSON.parse(over.stdout) as OverJson;
  const single = [];
  for (const seed of [9527, 9528]) {
    const r = await run(["bench", join(reps, `seed-${seed}`), ...BENCH, "--json"]);
    assert.equal(r.status, 0, r.stderr);
    single.push(JSON.parse(r.stdout) as RunsSummary);
  }
  assert.deepEqual(o.worlds.map((w) => w.seed), [9527, 9528]);
  for (const [mi, name] of ["mf", "mf-ips"].entries()) {
    const f = o.overWorlds[mi]!.figures["all_mse"]!;
    const runs = single.map((s) => s.models.find((m) => m.name === name)!.runs.map((r) => r["all"]!["mse"]!));
    const means = runs.map((xs) => (xs[0]! + xs[1]!) / 2);
    const mean = (means[0]! + means[1]!) / 2;
    close(f.mean, mean, `${name} mean`);
    close(f.sd!, Math.abs(means[0]! - means[1]!) / Math.SQRT2, `${name} sd over worlds`);
    // two runs a world: the pooled variance is the mean of the two worlds' variances, each (x1 − x2)²/2
    close(f.runSd!, Math.sqrt(((runs[0]![0]! - runs[0]![1]!) ** 2 / 2 + (runs[1]![0]! - runs[1]![1]!) ** 2 / 2) / 2), `${name} run sd`);
    assert.equal(f.worlds, 2);
  }
  const md = await run(["bench", reps, ...BENCH]);
  assert.match(md.stdout, /^## tags over 2 replicate worlds of /);
  assert.match(md.stdout, /\| mf \| \d\.\d{4} ± \d\.\d{4} \(\d\.\d{4}\) \|/);

  const ope = await run(["ope", reps, "--policy", "popularity", "--json"]);
  assert.equal(ope.status, 0, ope.stderr);
  const oj = JSON.parse(ope.stdout) as { overWorlds: Record<string, { mean: number; sd: number }> };
  const each = await Promise.all([9527, 9528].map((s) => run(["ope", join(reps, `seed-${s}`), "--policy", "popularity", "--json"])));
  const tv = each.map((r) => (JSON.parse(r.stdout) as { true_value: number; ips: number }));
  close(oj.overWorlds["true_value"]!.mean, (tv[0]!.true_value + tv[1]!.true_value) / 2, "ope true value");
  close(oj.overWorlds["ips_error"]!.sd, Math.abs(tv[0]!.ips - tv[0]!.true_value - (tv[1]!.ips - tv[1]!.true_value)) / Math.SQRT2, "ope IPS error sd");
});

test("bench on a sweep prints a row per value and a column per model; report --bench draws it", async () => {
  const root = tempDir();
  const s = join(root, "sweep");
  const g = await run(["generate", "--out", s, "--sweep", "obs-temperature=2000,20", "--quiet", ...SMALL]);
  assert.equal(g.status, 0, g.stderr);
  const b = join(root, "b");
  const r = await run(["bench", s, "--runs", "1", "--epochs", "2", "--workers", "1", "--out", b]);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.equal(lines[0], `## pop. MSE against obs-temperature (tags, ${s})`);
  const head = lines.indexOf("| obs-temperature | mf | mf-ips | cause-ctar |");
  assert.ok(head > 0, r.stdout);
  assert.match(lines[head + 2]!, /^\| 2000 \| \d\.\d{4} \(n\/a\) \| \d\.\d{4} \(n\/a\) \| \d\.\d{4} \(n\/a\) \|$/);
  assert.match(lines[head + 3]!, /^\| 20 \| /);
  assert.equal(lines[head + 4], "");
  assert.equal(readFileSync(join(b, "bench.md"), "utf8"), r.stdout);
  const again = await run(["bench", s, "--runs", "1", "--epochs", "2", "--workers", "1", "--json"]);
  assert.equal(again.stdout, readFileSync(join(b, "bench.json"), "utf8"), "the same bench twice: the same bytes");
  const html = join(root, "sweep.html");
  const rep = await run(["report", s, "--bench", b, "--out", html]);
  assert.equal(rep.status, 0, rep.stderr);
  const page = readFileSync(html, "utf8");
  assert.match(page, /<h2>The models against obs-temperature<\/h2>/);
  assert.equal(page.match(/<svg/g)?.length, 2, "the models' figure and the data's");
  for (const m of ["mf", "mf-ips", "cause-ctar"]) assert.ok(page.includes(`>${m}</`), m);
  // a bench of another folder is not this sweep's
  const wrong = await run(["report", s, "--bench", join(root, "nope"), "--out", join(root, "x.html")]);
  assert.equal(wrong.status, 3, wrong.stderr);
  assert.ok(!existsSync(join(root, "x.html")));
  const metric = await run(["bench", s, "--runs", "1", "--epochs", "1", "--metric", "nope"]);
  assert.equal(metric.status, 2);
  assert.match(metric.stderr, /--metric: unknown metric 'nope' of task tags/);
});
