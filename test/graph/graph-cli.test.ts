import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bundle/main.js");
const ctar = (...args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { encoding: "utf8" });

test("ctar graph dsep prints true/false and honours --given and --no-deterministic", () => {
  assert.equal(ctar("graph", "dsep", "R", "R_R", "--given", "M").stdout, "true\n");
  assert.equal(ctar("graph", "dsep", "RecSys", "R_R", "--given", "M").stdout, "true\n");
  assert.equal(ctar("graph", "dsep", "RecSys", "R_R", "--given", "M", "--no-deterministic").stdout, "false\n");
  assert.equal(ctar("graph", "dsep", "TL,R", "R_O", "--given", "U,M,TM").stdout, "false\n");
  const j = JSON.parse(ctar("graph", "dsep", "TL", "R_O", "--given", "U,M,TM", "--json").stdout);
  assert.equal(j.separated, false);
  assert.equal(j.trail, "TL → R_O");
  const bad = ctar("graph", "dsep", "TL", "Nope");
  assert.equal(bad.status, 4);
  assert.match(bad.stderr, /^ctar: graph 'ctar': unknown node in Y \(got 'Nope'/);
});

test("ctar graph analyze --preset ctar: the paper's three classes, the assumption and the estimands", () => {
  const r = ctar("graph", "analyze", "--preset", "ctar");
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^R_R \(R → R\*\) +MAR /m);
  assert.match(r.stdout, /^R_RCT \(TL → RCT\*\) +MCAR /m);
  assert.match(r.stdout, /^R_O \(TL → O\*\) +MNAR +d-connected given \{U, M, TM\}: TL → R_O/m);
  assert.match(r.stdout, /assumes RecSys is determined by M \(deterministic\); without the flag R_R is MNAR/);
  assert.match(r.stdout, /P\(R\) = Σ_\{m\} P\(R\* \| M = m, R_R = 1\) P\(M = m\)/);
  const j = JSON.parse(ctar("graph", "analyze", "--json").stdout);
  assert.deepEqual(j.indicators.map((i: { class: string }) => i.class), ["MAR", "MCAR", "MNAR"]);
  const plain = JSON.parse(ctar("graph", "analyze", "--json", "--no-deterministic").stdout);
  assert.deepEqual(plain.indicators.map((i: { class: string }) => i.class), ["MNAR", "MCAR", "MNAR"]);
});

test("ctar graph show / validate / draw on files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ctar-graph-cli-"));
  try {
    const json = ctar("graph", "show", "--format", "json");
    assert.equal(json.status, 0, json.stderr);
    const file = path.join(dir, "ctar.json");
    writeFileSync(file, json.stdout);
    assert.equal(ctar("graph", "show", "--graph", file, "--format", "json").stdout, json.stdout);
    assert.match(ctar("graph", "validate", "--graph", file).stdout, /graph 'ctar': valid \(14 nodes; every mechanism ran on a trial/);
    const spec = JSON.parse(json.stdout);
    spec.nodes.find((n: { name: string }) => n.name === "TU").parents.push("R");
    writeFileSync(file, JSON.stringify(spec));
    const invalid = ctar("graph", "validate", "--graph", file);
    assert.equal(invalid.status, 4);
    assert.match(invalid.stderr, /cycle: /);
    assert.match(ctar("graph", "draw", "--format", "mermaid").stdout, /^flowchart TB\n/);
    const svg = path.join(dir, "ctar.svg");
    const d = ctar("graph", "draw", "--format", "svg", "--out", svg);
    assert.equal(d.status, 0, d.stderr);
    assert.match(readFileSync(svg, "utf8"), /<svg[\s\S]*R_RCT[\s\S]*<\/svg>/);
    assert.equal(ctar("graph", "draw", "--format", "png").status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
