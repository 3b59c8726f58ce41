/**
 * portableExp and portableLog are fdlibm's exp and log: bit for bit Node's Math.exp and Math.log (V8's port of the same algorithm, which
 * every dataset so far was computed with) on a dense sweep and at the edges, so that replacing
 * Math.exp by it changed no byte, while it computes the same in a browser whose Math.exp differs.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { portableExp } from "../../src/rng/portable-exp.js";
import { portableLog } from "../../src/rng/portable-log.js";

test("equals Math.exp bit for bit over [-745, 710] and on special values", () => {
  let differ = 0;
  let first = "";
  for (let i = 0; i <= 400_000; i++) {
    for (const x of [-745 + (1455 * i) / 400_000, -20 + (40 * i) / 400_000 + 1e-9 * (i % 7), ((i % 2 ? -1 : 1) * i) / 4e11]) {
      if (!Object.is(portableExp(x), Math.exp(x))) {
        if (differ++ === 0) first = `exp(${x}): ${portableExp(x)} vs ${Math.exp(x)}`;
      }
    }
  }
  assert.equal(differ, 0, first);
  for (const x of [0, -0, 1, -1, 0.5 * Math.LN2, 1.5 * Math.LN2, 709.782712893384, 709.79, -745.13321910194, -746, Infinity, -Infinity, 5e-324, -1e-300]) {
    assert.ok(Object.is(portableExp(x), Math.exp(x)), `exp(${x}): ${portableExp(x)} vs ${Math.exp(x)}`);
  }
  assert.ok(Number.isNaN(portableExp(NaN)));
});

test("portableLog equals Math.log bit for bit over (0, 1e6] and on special values", () => {
  let differ = 0;
  let first = "";
  for (let i = 1; i <= 400_000; i++) {
    for (const x of [i / 400_000, (i / 400_000) * 1e6, 1 + (i - 200_000) * 1e-12, i * 1e-310, 1 / i]) {
      if (!Object.is(portableLog(x), Math.log(x)) && differ++ === 0) first = `log(${x}): ${portableLog(x)} vs ${Math.log(x)}`;
    }
  }
  assert.equal(differ, 0, first);
  for (const x of [0, -0, 1, 2, Math.E, 0.5, Number.MAX_VALUE, Number.MIN_VALUE, Infinity]) assert.ok(Object.is(portableLog(x), Math.log(x)), `log(${x})`);
  assert.ok(Number.isNaN(portableLog(-1)) && Number.isNaN(portableLog(NaN)));
});
