/**
 * `ctar verify` on the default dataset (1,000 users × 1,000 movies): every independence the CTAR
 * graph implies holds, and every dependence it declares is detected at this size, including
 * R_O on |TL| given M (issue 3 item 8), which a small world (2,000 × 300) lacks the power to show.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ctar, tempDir } from "../helpers/paths.js";

test("the default CTAR dataset passes verify, every declared dependence detected", () => {
  const out = join(tempDir(), "default");
  const g = ctar(["generate", "--out", out, "--quiet"]);
  assert.equal(g.status, 0, g.stderr);
  const r = ctar(["verify", out, "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { results: Array<{ text: string; verdict: string; p: number }> };
  const byText = new Map(report.results.map((x) => [x.text, x]));
  for (const claim of ["R_O depends on |TL| | M", "R_O depends on R | M", "R_O depends on M", "R_R depends on M"]) {
    assert.equal(byText.get(claim)?.verdict, "holds", `${claim}: ${JSON.stringify(byText.get(claim))}`);
  }
  for (const x of report.results) assert.notEqual(x.verdict, "VIOLATED", x.text);
  assert.ok(byText.has("R_R ⊥ R | M") && byText.has("R_RCT ⊥ R"));
});
