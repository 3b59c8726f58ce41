import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../../src/errors/errors.js";
import { effectPredictions } from "../../../src/tasks/effects/effect-predictions.js";
import { effectsFromTables, effectsTables } from "../../../src/tasks/effects/effects-tables.js";
import { effectsTask } from "../../../src/tasks/effects/effects-task.js";
import type { ReadTable } from "../../../src/tasks/task.js";
import { effectsData } from "./fixture.js";

// 2 users × catalog tags 0, 1, 3 (tag 2 is on no movie)
const DATA = effectsData(2, [[0, 1], [3]], [[0, 0, 4], [1, 1, 2], [0, 1, 5]], [[1, 3]], [0.5, 0.25]);

function table(rows: number[][], file = "p.csv"): ReadTable {
  const cols = ["userid", "tagid", "tau"];
  return { file, rows: rows.length, column: (name) => Float64Array.from(rows, (r) => r[cols.indexOf(name)]!), place: (i) => `${file}:${i + 2}` };
}

test("a predictions table fills its pairs; the pairs left out are 0", () => {
  const p = effectPredictions(DATA, table([[1, 3, 0.25], [0, 0, -0.5]]));
  assert.equal(p.given, 2);
  assert.deepEqual([...p.estimate], [-0.5, 0, 0, 0, 0, 0.25]);
});

const BAD: ReadonlyArray<readonly [what: string, rows: number[][], message: RegExp]> = [
  ["a header only", [], /p\.csv: no rows, only a header/],
  ["NaN", [[0, 0, 0.1], [1, 1, NaN]], /p\.csv:3: tau is not a finite number \(got NaN\)/],
  ["Infinity", [[0, 0, Infinity]], /p\.csv:2: tau is not a finite number/],
  ["an unknown user", [[2, 0, 0.1]], /p\.csv:2: unknown userid 2/],
  ["a fractional user", [[0.5, 0, 0.1]], /p\.csv:2: unknown userid 0\.5/],
  ["a tag on no movie", [[0, 2, 0.1]], /p\.csv:2: unknown tagid 2/],
  ["a negative tag", [[0, -1, 0.1]], /p\.csv:2: unknown tagid -1/],
  ["a pair given twice", [[0, 1, 0.1], [1, 1, 0], [0, 1, 0.2]], /p\.csv:4: duplicate pair userid 0, tagid 1 \(first at p\.csv:2\)/],
];

for (const [what, rows, message] of BAD) {
  test(`a predictions table with ${what} is one InputError naming its place`, () => {
    assert.throws(() => effectPredictions(DATA, table(rows)), (e: unknown) => e instanceof InputError && message.test(e.message));
  });
}

test("the task's tables read back to the same data and truth", () => {
  const truth = { tau: Float64Array.from([0, 0, 0, 0, 0, 0.4]) };
  const written = effectsTables({ data: DATA, truth });
  const byName = new Map(written.map((t) => [t.name, t]));
  const read = (name: string): ReadTable | undefined => {
    const t = byName.get(name);
    if (t === undefined) return undefined;
    const blocks = [...t.blocks()];
    const names = t.columns.map((c) => c.name);
    const rows = blocks.reduce((a, b) => a + b[0]!.length, 0);
    return { file: name, rows, column: (c) => Float64Array.from(blocks.flatMap((b) => Array.from(b[names.indexOf(c)] as ArrayLike<number>))), place: (i) => `${name}:${i + 2}` };
  };
  const back = effectsFromTables(read);
  assert.deepEqual(back.truth, truth);
  assert.deepEqual({ ...back.data }, { ...DATA });
  assert.throws(() => effectsFromTables(() => undefined), /no table 'sizes'/);
});

test("the task scores against the truth and refuses data without it", () => {
  const truth = { tau: Float64Array.from([0, 0, 0, 0, 0, 0.4]) };
  const s = effectsTask.score({ data: DATA, truth }, table([[1, 3, 0.4]]));
  assert.equal(s.row["pehe"], 0);
  assert.equal(s.row["auc"], 1);
  assert.throws(() => effectsTask.score({ data: DATA }, table([[1, 3, 0.4]])), InputError);
});
