/**
 * The report's figures of the variants' worlds (cli/report-variants.ts): the uplift world's exact
 * P(Rec = 1) per rank is min(1, c·rank^−p) at the defaults c = p = 0.5, and the share treated
 * there lies within 4 sampling sd of it; the effect shares sum to 1; the click world's exact
 * P(E = 1) at position k is k^−η at η = 1, with P(C = 1) ≤ P(E = 1); `ctar report` draws the
 * figures for those worlds only.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { openDatasetPolicyRun } from "../../src/io/recorded/dataset-policy-run.js";
import { clickFigureRows } from "../../src/tasks/ranking/ranking-figures.js";
import { buildRankingData } from "../../src/tasks/ranking/ranking-data.js";
import { upliftFigureRows } from "../../src/tasks/uplift/uplift-figures.js";
import { ctar, tempDir } from "../helpers/paths.js";

const dir = tempDir("variant-figures");
const USERS = 400;

before(() => {
  for (const v of ["uplift", "clicks"]) {
    const g = ctar(["graph", "show", "--preset", `ctar-${v}`]);
    assert.equal(g.status, 0, g.stderr);
    writeFileSync(join(dir, `${v}.yaml`), g.stdout);
    const r = ctar(["generate", "--graph", join(dir, `${v}.yaml`), "--users", String(USERS), "--movies", "150", "--seed", "5", "--out", join(dir, v), "--quiet"]);
    assert.equal(r.status, 0, r.stderr);
  }
});

test("uplift world: exact P(Rec = 1) per rank is min(1, 0.5·rank^−0.5); the share treated is within 4 sd; effect shares sum to 1", async () => {
  const world = await openDatasetPolicyRun(join(dir, "uplift"));
  try {
    const rows = upliftFigureRows(world)!;
    assert.ok(rows !== undefined);
    const exact = rows.byRank.filter((r) => r["series"] === "exact P(Rec = 1)");
    const share = rows.byRank.filter((r) => r["series"] === "share treated");
    assert.equal(exact.length, 150);
    for (const r of exact) assert.ok(Math.abs(Number(r["p"]) - Math.min(1, 0.5 * Number(r["rank"]) ** -0.5)) < 1e-12, `rank ${r["rank"]}`);
    for (const r of share) {
      const p = Math.min(1, 0.5 * Number(r["rank"]) ** -0.5);
      assert.ok(Math.abs(Number(r["p"]) - p) <= 4 * Math.sqrt((p * (1 - p)) / USERS), `rank ${r["rank"]}: share ${r["p"]} against ${p}`);
    }
    const total = rows.effects.reduce((s, r) => s + Number(r["share"]), 0);
    assert.ok(Math.abs(total - 1) < 1e-12, String(total));
  } finally {
    world.dispose();
  }
});

test("click world: exact P(E = 1) at position k is 1/k (η = 1), P(C = 1) ≤ P(E = 1)", async () => {
  const world = await openDatasetPolicyRun(join(dir, "clicks"));
  try {
    const rows = clickFigureRows(buildRankingData(world, "clicks"));
    const at = (series: string) => rows.filter((r) => r["series"] === series).map((r) => Number(r["p"]));
    const exam = at("exact P(E = 1)");
    const click = at("exact P(C = 1)");
    assert.equal(exam.length, 10);
    exam.forEach((p, i) => assert.ok(Math.abs(p - 1 / (i + 1)) < 1e-12, `position ${i + 1}: ${p}`));
    click.forEach((p, i) => assert.ok(p <= exam[i]! + 1e-15 && p > 0, `position ${i + 1}`));
    assert.equal(at("click-through rate (logged)").length, 10);
  } finally {
    world.dispose();
  }
});

test("ctar report draws the variant's figures, and none for the default world", () => {
  const ids = (html: string) => [...html.matchAll(/<figure id="(fig-[a-z-]+)"/g)].map((m) => m[1]);
  for (const [v, want] of [["uplift", ["fig-uplift-propensity", "fig-uplift-effects"]], ["clicks", ["fig-click-position"]]] as const) {
    const out = join(dir, `${v}.html`);
    const r = ctar(["report", join(dir, v), "--out", out]);
    assert.equal(r.status, 0, r.stderr);
    const got = ids(readFileSync(out, "utf8"));
    for (const id of want) assert.ok(got.includes(id), `${v}: ${got.join(", ")}`);
  }
  const plain = join(dir, "plain");
  assert.equal(ctar(["generate", "--users", "100", "--movies", "50", "--out", plain, "--quiet"]).status, 0);
  assert.equal(ctar(["report", plain, "--out", join(dir, "plain.html")]).status, 0);
  assert.deepEqual(ids(readFileSync(join(dir, "plain.html"), "utf8")).filter((id) => /uplift|click/.test(id!)), []);
});
