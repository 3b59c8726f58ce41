import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { InputError } from "../../../src/errors/errors.js";
import { readEffectPredictions } from "../../../src/io/tables/read-effect-predictions.js";
import { openParquetTable } from "../../../src/io/parquet/table-writer.js";
import { effectsData } from "../../tasks/effects/fixture.js";

// 2 users × catalog tags 0, 1, 3 (tag 2 is on no movie)
const DATA = effectsData(2, [[0, 1], [3]], [[0, 0, 4]]);

function withFile(name: string, body: string | ((file: string) => void), check: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "ctar-effpred-"));
  try {
    const file = path.join(dir, name);
    if (typeof body === "string") writeFileSync(file, body);
    else body(file);
    check(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("a CSV predictions file fills its pairs; the pairs left out are 0", () => {
  withFile("p.csv", "tagid,userid,tau\n3,1,0.25\n0,0,-0.5\n", (file) => {
    const p = readEffectPredictions(file, DATA);
    assert.equal(p.given, 2);
    assert.deepEqual([...p.estimate], [-0.5, 0, 0, 0, 0, 0.25]);
  });
});

test("a Parquet predictions file reads the same", () => {
  const write = (file: string) => {
    const w = openParquetTable(file, [{ name: "userid", type: "int32" }, { name: "tagid", type: "int32" }, { name: "tau", type: "double" }]);
    w.writeRowGroup([Int32Array.from([1]), Int32Array.from([3]), Float64Array.from([0.25])]);
    w.writeRowGroup([Int32Array.from([0]), Int32Array.from([0]), Float64Array.from([-0.5])]);
    w.close();
  };
  withFile("p.parquet", write, (file) => assert.deepEqual([...readEffectPredictions(file, DATA).estimate], [-0.5, 0, 0, 0, 0, 0.25]));
});

const BAD: ReadonlyArray<readonly [what: string, body: string, message: RegExp]> = [
  ["a missing column", "userid,tagid\n0,0\n", /p\.csv:1: missing column 'tau'/],
  ["an extra column", "userid,tagid,tau,score\n0,0,1,2\n", /p\.csv:1: unexpected column 'score'/],
  ["a header only", "userid,tagid,tau\n", /p\.csv:1: a header and no rows/],
  ["an empty file", "", /p\.csv: empty file/],
  ["NaN", "userid,tagid,tau\n0,0,0.1\n1,1,NaN\n", /p\.csv:3: column 'tau' is not a number/],
  ["Infinity", "userid,tagid,tau\n0,0,Infinity\n", /p\.csv:2: column 'tau' is not a number/],
  ["an unknown user", "userid,tagid,tau\n2,0,0.1\n", /p\.csv:2: userid 2 is not a user/],
  ["a tag on no movie", "userid,tagid,tau\n0,2,0.1\n", /p\.csv:2: tagid 2 is not a catalog tag/],
  ["a negative tag", "userid,tagid,tau\n0,-1,0.1\n", /p\.csv:2: tagid -1 is not a catalog tag/],
  ["a pair given twice", "userid,tagid,tau\n0,1,0.1\n1,1,0\n0,1,0.2\n", /p\.csv:4: user 0, tag 1 is given twice \(first at 2\)/],
  ["a non-integer id", "userid,tagid,tau\n0.5,1,0.1\n", /p\.csv:2: column 'userid' is not an integer/],
];

for (const [what, body, message] of BAD) {
  test(`a predictions file with ${what} is one InputError naming file:line`, () => {
    withFile("p.csv", body, (file) => {
      assert.throws(() => readEffectPredictions(file, DATA), (e: unknown) => e instanceof InputError && message.test(e.message) && !e.message.includes("\n"));
    });
  });
}
