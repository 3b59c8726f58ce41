/**
 * `ctar generate --sweep OPTION=V1,V2,…`: one world per value, each the bytes of a plain
 * `generate --OPTION V`; the same command twice gives the same folder; bad sweeps and tampered
 * sweep folders are refused with one line, the documented exit code, and nothing written.
 */
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type CliResult, ctarAsync, inBatches, sameFiles, tempDir } from "../helpers/paths.js";

const SMALL = ["--users", "200", "--movies", "100", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "100", "--test3-positives", "30"];
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1700000000" };
const run = (args: readonly string[]): Promise<CliResult> => ctarAsync(args, { env: ENV });

/** A one-line message on stderr, the exit code, and no stdout. */
function refused(r: CliResult, status: number, re: RegExp): void {
  assert.equal(r.status, status, r.stderr);
  assert.match(r.stderr, re);
  assert.equal(r.stderr.trimEnd().split("\n").length, 1, `one line: ${r.stderr}`);
  assert.equal(r.stdout, "");
}

test("--sweep writes one world per value (each a plain run's bytes) and sweep.json; the same command twice is the same bytes", async () => {
  const root = tempDir();
  const sweep = ["--sweep", "obs-temperature=50,2000", "--quiet", ...SMALL];
  const [a, b, plain] = await inBatches([
    () => run(["generate", "--out", join(root, "a"), ...sweep]),
    () => run(["generate", "--out", join(root, "b"), ...sweep]),
    () => run(["generate", "--out", join(root, "plain"), "--obs-temperature", "2000", "--quiet", ...SMALL]),
  ]);
  for (const r of [a, b, plain]) assert.equal(r!.status, 0, r!.stderr);
  assert.deepEqual(readdirSync(join(root, "a")).sort(), ["obs-temperature=2000", "obs-temperature=50", "sweep.json"]);
  sameFiles(join(root, "a"), join(root, "b"), "two runs of one sweep");
  sameFiles(join(root, "a", "obs-temperature=2000"), join(root, "plain"), "sweep world vs generate --obs-temperature 2000");
  const m = JSON.parse(readFileSync(join(root, "a", "sweep.json"), "utf8")) as { parameter: string; path: string[]; values: number[]; worlds: { folder: string }[] };
  assert.equal(m.parameter, "obs-temperature");
  assert.deepEqual(m.path, ["obsTag", "temperature"]);
  assert.deepEqual(m.values, [50, 2000]);
  assert.deepEqual(m.worlds.map((w) => w.folder), ["obs-temperature=50", "obs-temperature=2000"]);
  // --force replaces a sweep; a dataset folder is not a sweep and is left alone
  const again = await run(["generate", "--out", join(root, "a"), "--force", ...sweep]);
  assert.equal(again.status, 0, again.stderr);
  sameFiles(join(root, "a"), join(root, "b"), "a sweep replaced by itself");
  refused(await run(["generate", "--out", join(root, "plain"), "--force", ...sweep]), 2, /not a ctar sweep \(--force replaces only a ctar sweep, recognised by a sweep\.json/);
});

test("bad sweeps are refused before anything is written (exit 2, one line)", async () => {
  const root = tempDir();
  const out = join(root, "s");
  const cases: [string[], RegExp][] = [
    [["--sweep", "obs-temperature=200,0"], /^ctar: --sweep obs-temperature=0: .*obsTag\.temperature \(--obs-temperature\): .*>0/],
    [["--sweep", "liked-tags-min=5,30"], /^ctar: --sweep liked-tags-min=30: /],
    [["--sweep", "rating-rate=0.5,1.5"], /--sweep rating-rate=1\.5: /],
    [["--sweep", "rct-movies=5,2.5"], /--sweep rct-movies=2\.5: .*--rct-movies\): expected a whole number/],
    [["--sweep", "catalog=1,2"], /option 'catalog' is not numeric/],
    [["--sweep", "nope=1,2"], /unknown option 'nope'/],
    [["--sweep", "obs-temperature=20"], /one value \(20\) is not a sweep/],
    [["--sweep", "obs-temperature=20,50", "--obs-temperature", "10"], /--obs-temperature is given too/],
    [["--sweep", "obs-temperature=20,50", "--shard", "0/2"], /--sweep: cannot be combined with --shard/],
    [["--sweep", "obs-temperature=20,50", "--replicates", "0"], /--replicates: expected a whole number from 1 to 10000/],
    [["--sweep", "seed=1,2", "--replicates", "2"], /--sweep seed: cannot be combined with --replicates/],
  ];
  const results = await inBatches(cases.map(([args]) => () => run(["generate", "--out", out, ...args, ...SMALL])));
  results.forEach((r, i) => refused(r, 2, cases[i]![1]));
  assert.ok(!existsSync(out), "nothing written");
  assert.deepEqual(readdirSync(root), [], "no temporary folder left");
});

test("a tampered, incomplete or mixed sweep folder: bench, ope and report refuse it (exit 3), writing nothing", async () => {
  const root = tempDir();
  const s = join(root, "s");
  const r = await run(["generate", "--out", s, "--sweep", "obs-temperature=50,2000", "--quiet", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  const copy = (name: string) => {
    const d = join(root, name);
    cpSync(s, d, { recursive: true });
    return d;
  };
  const changed = copy("changed");
  const cfg = join(changed, "obs-temperature=50", "config.json");
  writeFileSync(cfg, readFileSync(cfg, "utf8").replace('"temperature": 50', '"temperature": 51'));
  const missing = copy("missing");
  rmSync(join(missing, "obs-temperature=2000"), { recursive: true });
  const mixed = copy("mixed");
  writeFileSync(join(mixed, "summary.json"), JSON.stringify({ replicates: 1, seeds: [9527] }));
  const stranger = copy("stranger");
  mkdirSync(join(stranger, "seed-9527"));
  const renamed = copy("renamed");
  renameSync(join(renamed, "obs-temperature=50"), join(renamed, "obs-temperature=5"));
  const cases: [string, RegExp][] = [
    [changed, /obs-temperature=50\/config\.json: changed since the sweep was written/],
    [missing, /obs-temperature=2000: missing \(.*sweep\.json names it/],
    [mixed, /holds both sweep\.json \(a sweep\) and summary\.json \(replicates\)/],
    [stranger, /seed-9527: a folder .*sweep\.json does not name/],
    [renamed, /obs-temperature=5: a folder .*does not name/],
  ];
  for (const [dir, re] of cases) {
    const out = join(root, "bench-out");
    refused(await run(["bench", dir, "--runs", "1", "--epochs", "1", "--workers", "1", "--out", out]), 3, re);
    assert.ok(!existsSync(out), "bench wrote nothing");
  }
  refused(await run(["ope", changed, "--policy", "popularity"]), 3, /changed since the sweep was written/);
  refused(await run(["report", missing, "--out", join(root, "r.html")]), 3, /missing/);
  assert.ok(!existsSync(join(root, "r.html")));
});

test("--sweep with --replicates: K seeds per value, each a plain run's bytes; bench gives mean ± sd over them; a changed replicate is refused", async () => {
  const root = tempDir();
  const s = join(root, "s");
  const [g, plain] = await inBatches([
    () => run(["generate", "--out", s, "--sweep", "obs-temperature=50,2000", "--replicates", "2", "--seed", "3", "--quiet", ...SMALL]),
    () => run(["generate", "--out", join(root, "plain"), "--obs-temperature", "50", "--seed", "4", "--quiet", ...SMALL]),
  ]);
  assert.equal(g!.status, 0, g!.stderr);
  assert.equal(plain!.status, 0, plain!.stderr);
  assert.deepEqual(readdirSync(join(s, "obs-temperature=50")).sort(), ["seed-3", "seed-4", "summary.json", "summary.md"]);
  sameFiles(join(s, "obs-temperature=50", "seed-4"), join(root, "plain"), "sweep replicate vs generate --obs-temperature 50 --seed 4");
  const b = await run(["bench", s, "--runs", "1", "--epochs", "1", "--workers", "1", "--models", "mf"]);
  assert.equal(b.status, 0, b.stderr);
  assert.match(b.stdout, /2 replicate worlds per value \(seeds 3, 4\)/);
  assert.match(b.stdout, /\n\| 50 \| \d\.\d{4} ± \d\.\d{4} \(n\/a\) \|\n\| 2000 \| \d\.\d{4} ± \d\.\d{4} \(n\/a\) \|\n/);
  const cfg = join(s, "obs-temperature=2000", "seed-4", "config.json");
  writeFileSync(cfg, `${readFileSync(cfg, "utf8")} `);
  refused(await run(["bench", s, "--runs", "1", "--epochs", "1"]), 3, /seed-4\/config\.json: changed since the sweep was written/);
});
