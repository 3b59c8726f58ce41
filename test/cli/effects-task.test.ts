import assert from "node:assert/strict";
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { benchEffects, scoreEffectsPredictions } from "../../src/cli/effects-task.js";
import { InputError } from "../../src/errors/errors.js";
import { loadEffectsData } from "../../src/io/dataset/read-effects-data.js";
import { popularityEstimate } from "../../src/tasks/effects/popularity.js";
import { ctar, tempDir } from "../helpers/paths.js";

const dir = join(tempDir(), "ds");
const gen = ctar(["generate", "--out", dir, "--quiet", "--users", "300", "--seed", "5"]);

test("effects bench: every baseline, deterministic ones once, mf-tags over the runs", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const json = JSON.parse(benchEffects(dir, { runs: 2, seed: 0, json: true })) as { estimators: { name: string; runs: unknown[] }[] };
  assert.deepEqual(json.estimators.map((e) => [e.name, e.runs.length]), [["zero", 1], ["popularity", 1], ["naive", 1], ["ips-oracle", 1], ["ips-count", 1], ["mf-tags", 2]]);
  const md = benchEffects(dir, { runs: 2, seed: 0 });
  assert.match(md, /\| zero \| 0\.\d{4} \(n\/a\) \| 0\.\d{4} \(n\/a\) \| 0\.5000 \(n\/a\) \|/);
  assert.equal(benchEffects(dir, { runs: 2, seed: 0 }), md, "same seed, same bytes");
});

test("score: a baseline's estimate written as userid,tagid,tau scores as the bench scored it, to the last digit", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const data = loadEffectsData(dir);
  const est = popularityEstimate(data);
  const w = data.catalogTags.length;
  const lines = ["userid,tagid,tau"];
  for (let u = 0; u < data.users; u++) for (let c = 0; c < w; c++) if (est[u * w + c] !== 0) lines.push(`${u},${data.catalogTags[c]},${est[u * w + c]}`);
  const file = join(tempDir(), "pop.csv");
  writeFileSync(file, lines.join("\n") + "\n");
  const scored = JSON.parse(scoreEffectsPredictions(dir, file, true)) as { scores: unknown; pairsGiven: number };
  const bench = JSON.parse(benchEffects(dir, { runs: 1, seed: 0, json: true })) as { estimators: { name: string; runs: unknown[] }[] };
  assert.deepEqual(scored.scores, bench.estimators.find((e) => e.name === "popularity")!.runs[0]);
  assert.equal(scored.pairsGiven, lines.length - 1);
});

test("a folder without truth/user_tag cannot be benched or scored: one InputError", () => {
  assert.equal(gen.status, 0, gen.stderr);
  const file = join(tempDir(), "p.csv");
  writeFileSync(file, "userid,tagid,tau\n0,0,0.5\n");
  const truth = join(dir, "truth", "user_tag.csv");
  renameSync(truth, truth + ".away");
  try {
    assert.throws(() => benchEffects(dir, { runs: 1, seed: 0 }), (e: unknown) => e instanceof InputError && /user_tag\.csv: not found/.test(e.message));
    assert.throws(() => scoreEffectsPredictions(dir, file), InputError);
  } finally {
    renameSync(truth + ".away", truth);
  }
});
