/**
 * `ctar generate --truth full`: truth/full.csv.gz holds every (user, movie) before missingness,
 * consistent with the observed files and the exact propensities; the other files are unchanged.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { ctar, tempDir } from "../helpers/paths.js";

const USERS = 120;
const MOVIES = 150;
const SMALL = ["--users", `${USERS}`, "--movies", `${MOVIES}`, "--rct-users", "10", "--test2-draws", "200", "--test2-positives", "60", "--test3-draws", "200", "--test3-positives", "60", "--seed", "3"];
const read = (dir: string, f: string) => readFileSync(join(dir, f), "utf8");
const rows = (text: string) => text.trim().split("\n").slice(1).map((l) => l.split(","));

test("full.csv.gz: users × movies rows agreeing with rating.csv, movie.csv, liked tags and Eq. 7's normalisation", () => {
  const root = tempDir();
  const basic = join(root, "basic");
  const full = join(root, "full");
  assert.equal(ctar(["generate", "--out", basic, "--quiet", ...SMALL]).status, 0);
  const r = ctar(["generate", "--out", full, "--quiet", "--truth", "full", ...SMALL]);
  assert.equal(r.status, 0, r.stderr);
  for (const f of ["train/rating.csv", "train/obstag.csv", "test/test.csv", "truth/movie.csv", "truth/user_tag.csv"]) assert.equal(read(full, f), read(basic, f), f);

  const text = gunzipSync(readFileSync(join(full, "truth/full.csv.gz"))).toString("utf8");
  assert.ok(text.startsWith("userid,movieid,rating,liked_tags,p_rating,p_obstag\n"));
  const all = rows(text);
  assert.equal(all.length, USERS * MOVIES);
  const cell = (u: number, m: number) => all[u * MOVIES + m]!;
  all.forEach((c, i) => assert.deepEqual([Number(c[0]), Number(c[1])], [Math.floor(i / MOVIES), i % MOVIES]));

  for (const [u, m, y] of rows(read(full, "train/rating.csv"))) assert.equal(cell(Number(u), Number(m))[2], y, `observed rating of ${u},${m}`);
  const pm = rows(read(full, "truth/movie.csv")).map((c) => c[6]);
  for (let u = 0; u < USERS; u++) for (let m = 0; m < MOVIES; m++) assert.equal(cell(u, m)[4], pm[m]);

  // |TL| = |TM ∩ TU| from movie.csv and liked_tags.csv.
  const tm = read(full, "train/movie.csv").trim().split("\n").slice(1).map((l) => l.slice(l.indexOf('"') + 1, -1).split(",").map(Number));
  const tu = new Map<number, Set<number>>();
  for (const [u, t] of rows(read(full, "truth/liked_tags.csv"))) {
    if (!tu.has(Number(u))) tu.set(Number(u), new Set());
    tu.get(Number(u))!.add(Number(t));
  }
  for (let u = 0; u < USERS; u++) {
    let sumP = 0;
    for (let m = 0; m < MOVIES; m++) {
      const k = tm[m]!.filter((t) => tu.get(u)?.has(t)).length;
      assert.equal(Number(cell(u, m)[3]), k, `|TL| of ${u},${m}`);
      const p = Number(cell(u, m)[5]);
      assert.ok(p > 0 && p <= 1);
      sumP += p;
    }
    // Eq. 7 normalises per user: mean over movies of P(R_O = 1) is P_O (no clipping at these sizes).
    assert.ok(Math.abs(sumP / MOVIES - 0.007) < 1e-12, `user ${u}: mean P(R_O = 1) = ${sumP / MOVIES}`);
  }
  const cfg = JSON.parse(read(full, "config.json")) as { truth: string; files: Record<string, { rows: number }> };
  assert.equal(cfg.truth, "full");
  assert.equal(cfg.files["truth/full.csv.gz"]!.rows, USERS * MOVIES);
});

test("--truth with an unknown level is refused", () => {
  const r = ctar(["generate", "--out", join(tempDir(), "x"), "--truth", "everything", ...SMALL]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^ctar: --truth: unknown level 'everything' \(expected basic or full\)/);
});
