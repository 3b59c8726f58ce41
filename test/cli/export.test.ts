/**
 * `ctar export`: RecBole atomic files, Cornac UIR triplets and the logged-feedback table hold
 * exactly the dataset's rows (checked against the source files and the bench's own training
 * labels); Parquet input exports the same bytes; bad targets and missing truth leave nothing.
 */
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { loadBenchDataset } from "../../src/io/dataset/read-bench-dataset.js";
import { ctar, tempDir } from "../helpers/paths.js";
import { convertToParquet } from "../helpers/parquet-dataset.js";

const SMALL = ["--users", "90", "--movies", "50", "--rct-users", "9", "--test2-draws", "90", "--test2-positives", "27", "--test3-draws", "60", "--test3-positives", "18"];

function generated(extra: string[] = []): string {
  const dir = join(tempDir(), "ds");
  const r = ctar(["generate", "--out", dir, "--quiet", ...SMALL, ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return dir;
}

const dataLines = (file: string, header = true) => readFileSync(file, "utf8").trim().split("\n").slice(header ? 1 : 0);

function exported(dir: string, to: string): string {
  const out = join(tempDir(), "out");
  const r = ctar(["export", dir, "--to", to, "--out", out, "--quiet"]);
  assert.equal(r.status, 0, r.stderr);
  return out;
}

test("recbole and cornac files hold the ratings, the tag labels and the test splits", () => {
  const dir = generated();
  const rb = exported(dir, "recbole");
  const ratings = dataLines(join(dir, "train/rating.csv")).map((l) => l.replaceAll(",", "\t"));
  assert.equal(readFileSync(join(rb, "ctar/ctar.inter"), "utf8").split("\n")[0], "user_id:token\titem_id:token\trating:float");
  assert.deepEqual(dataLines(join(rb, "ctar/ctar.inter")), ratings);
  assert.equal(dataLines(join(rb, "ctar/ctar.user")).length, 90);
  const movie = dataLines(join(dir, "train/movie.csv")).map((l) => l.replace(/^(\d+),"(.*)"$/, (_, m: string, t: string) => `${m}\t${t.replaceAll(",", " ")}`));
  assert.deepEqual(dataLines(join(rb, "ctar/ctar.item")), movie);
  for (const split of ["test_1", "test_2", "test_3", "test"]) {
    assert.deepEqual(dataLines(join(rb, `ctar_tag/ctar_tag.${split}.inter`)), dataLines(join(dir, `test/${split}.csv`)).map((l) => l.replaceAll(",", "\t")));
  }
  // the ObsTag labels, deduplicated, are the bench's OBS training labels (docs/baselines.md#training-labels)
  // (on a copy without truth/: the bench reader sizes users from the train files alone)
  const noTruth = join(dirname(dir), "no-truth");
  cpSync(dir, noTruth, { recursive: true });
  rmSync(join(noTruth, "truth"), { recursive: true });
  const bench = loadBenchDataset(noTruth);
  const obs = new Set<string>();
  for (let i = 0; i < bench.labels.obs.n; i++) obs.add(`${bench.labels.obs.user[i]}\t${bench.labels.obs.tag[i]}\t${bench.labels.obs.label[i]}`);
  const got = new Set(dataLines(join(rb, "ctar_tag/ctar_tag.obstag.inter")).map((l) => l.split("\t").slice(0, 3).join("\t")));
  assert.deepEqual([...got].sort(), [...obs].sort());
  const cornac = exported(dir, "cornac");
  assert.deepEqual(readdirSync(cornac).sort(), ["ctar-output.json", "obstag.txt", "rating.txt", "rcttag.txt", "test.txt", "test_1.txt", "test_2.txt", "test_3.txt"]);
  assert.deepEqual(dataLines(join(cornac, "rating.txt"), false), ratings);
  assert.deepEqual(dataLines(join(cornac, "obstag.txt"), false), dataLines(join(rb, "ctar_tag/ctar_tag.obstag.inter")).map((l) => l.split("\t").slice(0, 3).join("\t")));
  // a Parquet copy exports the same bytes
  const pq = join(dirname(dir), "pq");
  cpSync(dir, pq, { recursive: true });
  convertToParquet(pq, { groupRows: 64 });
  const rb2 = exported(pq, "recbole");
  for (const f of ["ctar/ctar.inter", "ctar/ctar.item", "ctar_tag/ctar_tag.rcttag.inter", "ctar_tag/ctar_tag.test_2.inter"]) assert.equal(readFileSync(join(rb2, f), "utf8"), readFileSync(join(rb, f), "utf8"), f);
});

test("logged feedback carries each rating's P(R_R = 1) and each ObsTag pair's P(R_O = 1) exactly", () => {
  const dir = generated(["--truth", "full"]);
  const out = exported(dir, "logged-feedback");
  const pMovie = new Map(dataLines(join(dir, "truth/movie.csv")).map((l) => [l.split(",")[0], Number(l.split(",")[6])]));
  const ratings = dataLines(join(out, "ratings.csv"));
  assert.equal(ratings.length, dataLines(join(dir, "train/rating.csv")).length);
  for (const l of ratings) {
    const [, m, , p] = l.split(",");
    assert.equal(Number(p), pMovie.get(m!), l); // Eq. 6 depends on the movie alone
  }
  // the same rounds under Open Bandit Pipeline's names
  assert.equal(readFileSync(join(out, "bandit_feedback.csv"), "utf8").split("\n")[0], "context,action,position,reward,pscore");
  assert.deepEqual(dataLines(join(out, "bandit_feedback.csv")), ratings.map((l) => {
    const [u, m, r, p] = l.split(",");
    return `${u},${m},0,${r},${p}`;
  }));
  const full = new Map(gunzipSync(readFileSync(join(dir, "truth/full.csv.gz"))).toString("utf8").trim().split("\n").slice(1).map((l) => {
    const f = l.split(",");
    return [`${f[0]},${f[1]}`, Number(f[5])];
  }));
  const pairs = new Set(dataLines(join(dir, "train/obstag.csv")).map((l) => l.split(",").slice(0, 2).join(",")));
  const rows = dataLines(join(out, "obstag_pairs.csv"));
  assert.equal(rows.length, pairs.size);
  for (const l of rows) {
    const key = l.split(",").slice(0, 2).join(",");
    assert.ok(pairs.has(key));
    assert.equal(Number(l.slice(l.lastIndexOf(",") + 1)), full.get(key), l);
  }
});

test("an unknown target, or logged feedback without truth/full, is one message and leaves nothing", () => {
  const dir = generated();
  const root = tempDir();
  const out = join(root, "out");
  let r = ctar(["export", dir, "--to", "surprise", "--out", out]);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, "ctar: --to: unknown export target 'surprise' (expected recbole, cornac, logged-feedback, ultra)\n");
  r = ctar(["export", dir, "--to", "logged-feedback", "--out", out]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /^ctar: .*truth\/full\.csv\.gz: file not found: P\(R_O = 1\)/);
  assert.deepEqual(readdirSync(root), [], "nothing written, no temporary folder left");
  r = ctar(["export", root, "--to", "cornac", "--out", out]);
  assert.equal(r.status, 3);
  assert.match(r.stderr, /config\.json: file not found/);
});
