/**
 * Hostile input to `ctar bench --task ope` (docs/tasks-ope.md#bad-input) and to `ctar ope`: unknown
 * estimators and policies, a Switch-DR threshold out of range, a policy file that recommends
 * nothing: one line naming the option or file, the documented exit code, no --out folder left.
 * A --policy-k beyond the catalog is not an error: it is clamped, and the output says so.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { expectFailure, run } from "./harness.js";
import { baseDataset, scratch } from "./fixtures.js";

const bench = (extra: string[], out: string) => ["bench", baseDataset(), "--task", "ope", "--runs", "1", "--epochs", "2", "--out", out, ...extra];

const cases: Array<[string, string[], number, RegExp]> = [
  ["an unknown estimator", ["--models", "ips,magic"], 2, /^ctar: --models: unknown model 'magic' \(expected one of naive, ips, snips, dm, dr, sndr, switch-dr\)/],
  ["an estimator named twice", ["--models", "dr,dr"], 2, /^ctar: --models: model 'dr' is named twice/],
  ["an unknown policy", ["--policies", "popularity,oracle"], 2, /^ctar: --policies: unknown policy 'oracle'/],
  ["no policy at all", ["--policies", ","], 2, /^ctar: --policies: no policy to evaluate/],
  ["a negative Switch-DR threshold", ["--switch-lambda", "-1"], 2, /^ctar: --switch-lambda: expected a number ≥ 0 or 'inf' \(got '-1'\)/],
  ["a Switch-DR threshold that is no number", ["--switch-lambda", "ten"], 2, /^ctar: --switch-lambda: expected a number ≥ 0 or 'inf' \(got 'ten'\)/],
  ["a list length of 0", ["--policy-k", "0"], 2, /^ctar: --policy-k: expected a whole number ≥ 1 \(got '0'\)/],
  ["a policy file that does not exist", ["--policy-file", "/nonexistent/policy.csv"], 3, /^ctar: \/nonexistent\/policy\.csv: /],
];

describe("ctar bench --task ope: bad options", { concurrency: 4 }, () => {
  for (const [name, extra, code, match] of cases) {
    it(name, async () => {
      const dir = scratch();
      const out = join(dir, "out");
      await expectFailure({ args: bench(extra, out), code, match, absent: [out], clean: [dir] });
    });
  }

  it("a policy file that recommends nothing (a header, no rows), for bench and for ope", async () => {
    const dir = scratch();
    const file = join(dir, "empty.csv");
    writeFileSync(file, "userid,movieid,score\n");
    const out = join(dir, "out");
    await expectFailure({ args: bench(["--policies", "popularity", "--policy-file", file], out), code: 3, match: /empty\.csv: no rows/, absent: [out], clean: [dir] });
    await expectFailure({ args: ["ope", baseDataset(), "--policy", file], code: 3, match: /empty\.csv: no rows/ });
  });

  it("--policy-k beyond the catalog: clamped, and said on stderr and in the output", async () => {
    const r = await run(["bench", baseDataset(), "--task", "ope", "--runs", "1", "--epochs", "2", "--models", "naive,ips", "--policies", "popularity", "--policy-k", "500"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /ctar: warning: .*--policy-k 500 clamped to the 30 movies of the dataset/);
    assert.match(r.stdout, /Note: --policy-k 500 clamped to the 30 movies/);
    assert.match(r.stdout, /top-30 lists: popularity 1200 pairs/);
  });
});
