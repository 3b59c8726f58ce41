import assert from "node:assert/strict";
import { test } from "node:test";
import { SeedTree, Stream, hashKey } from "../../src/rng/stream.js";
import { assertGolden } from "../helpers/golden.js";

test("first outputs are pinned (a change here changes every dataset)", () => {
  const s = new SeedTree(9527).stream("R", "user", 0);
  const got = [s.nextUint32(), s.nextUint32(), s.nextUint32(), s.nextUint32()];
  // Recorded from this implementation when it was introduced (xoshiro128** over the hashed key);
  // test/golden/rng-first-outputs.json, rewritten only under CTAR_UPDATE_GOLDEN=1.
  assertGolden("rng-first-outputs", got);
});

test("seed 0 is a valid seed and differs from seed 1", () => {
  const a = new SeedTree(0).stream("x");
  const b = new SeedTree(1).stream("x");
  assert.notEqual(a.nextUint32(), b.nextUint32());
});

test("keys give independent streams: name, index and string/number are all distinguished", () => {
  const t = new SeedTree(7);
  const first = (s: Stream) => s.nextUint32();
  const vals = [first(t.stream("R", 1)), first(t.stream("R", 2)), first(t.stream("Q", 1)), first(t.stream("R", "1")), first(t.stream("R1"))];
  assert.equal(new Set(vals).size, vals.length);
  assert.deepEqual(hashKey(7, ["R", 1]), hashKey(7, ["R", 1]));
});

test("uniform() has mean 1/2 and variance 1/12 within sampling error", () => {
  const s = new SeedTree(1).stream("u");
  const n = 200_000;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = s.uniform();
    assert.ok(x >= 0 && x < 1);
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  // sd of the mean is sqrt(1/12 / n); 5 sd.
  assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n), `mean ${mean}`);
  const v = sq / n - mean * mean;
  // Var of x² estimator: Var(x²) = 1/5 − 1/9 = 4/45; 5 sd.
  assert.ok(Math.abs(v - 1 / 12) < 5 * Math.sqrt(4 / 45 / n), `var ${v}`);
});

test("normal() has mean 0 and variance 1 within sampling error", () => {
  const s = new SeedTree(2).stream("n");
  const n = 200_000;
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = s.normal();
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  assert.ok(Math.abs(mean) < 5 / Math.sqrt(n), `mean ${mean}`);
  // Var of the sample second moment of N(0,1) is 2/n.
  assert.ok(Math.abs(sq / n - 1) < 5 * Math.sqrt(2 / n), `var ${sq / n}`);
});

test("int(n) covers [0, n) uniformly (chi-square, 9 df)", () => {
  const s = new SeedTree(3).stream("i");
  const n = 100_000;
  const counts = new Array(10).fill(0);
  for (let i = 0; i < n; i++) counts[s.int(10)]++;
  const e = n / 10;
  const chi = counts.reduce((a, c) => a + (c - e) ** 2 / e, 0);
  // 99.9% quantile of chi-square with 9 df is 27.88.
  assert.ok(chi < 27.88, `chi-square ${chi}`);
});

test("fillUint32 gives the draws of as many nextUint32 calls, and leaves the stream where they would", () => {
  const a = new SeedTree(5).stream("fill");
  const b = new SeedTree(5).stream("fill");
  for (const n of [0, 1, 7, 1000]) {
    const out = new Uint32Array(n + 3).fill(123);
    a.fillUint32(out, n);
    for (let i = 0; i < n; i++) assert.equal(out[i], b.nextUint32(), `draw ${i} of ${n}`);
    assert.deepEqual(Array.from(out.subarray(n)), [123, 123, 123], "nothing written past n");
  }
  assert.equal(a.nextUint32(), b.nextUint32());
  assert.equal(a.normal(), b.normal());
});
