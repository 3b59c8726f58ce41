/** `--sweep OPTION=V1,V2,…` parsed against the option table (src/config/sweep-spec.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSweep, sweepWorldFolder, sweepableOptions } from "../../src/config/sweep-spec.js";
import { ConfigError } from "../../src/errors/errors.js";

test("a numeric option of the table and its values, in the order given", () => {
  const s = parseSweep("rating-temperature=500,100,20");
  assert.equal(s.option.flag, "rating-temperature");
  assert.deepEqual(s.option.path, ["ratingMissingness", "temperature"]);
  assert.deepEqual(s.values, [500, 100, 20]);
  assert.deepEqual(parseSweep("--obs-bias=-5, 0.5").values, [-5, 0.5]);
  assert.equal(sweepWorldFolder("obs-bias", -5), "obs-bias=-5");
  assert.ok(sweepableOptions().every((o) => o.kind !== "string"));
  assert.ok(sweepableOptions().some((o) => o.flag === "users"));
});

test("bad sweeps: one ConfigError each, naming the option", () => {
  const cases: [string, RegExp][] = [
    ["obs-temperature", /expected OPTION=V1,V2,…/],
    ["no-such=1,2", /unknown option 'no-such' \(numeric options: seed, users/],
    ["catalog=1,2", /option 'catalog' is not numeric/],
    ["compat=1,2", /option 'compat' is not numeric/],
    ["users=100", /one value \(100\) is not a sweep; give two or more, or set it with --users 100/],
    ["users=100,abc", /'abc' is not a number/],
    ["users=100,,200", /'' is not a number/],
    ["users=100,1e2", /value 100 given twice/],
    ["users=100,Infinity", /'Infinity' is not a number/],
  ];
  for (const [text, re] of cases) assert.throws(() => parseSweep(text), (e: unknown) => e instanceof ConfigError && re.test(e.message), text);
});
