import assert from "node:assert/strict";
import { test } from "node:test";
import { BatchOrder } from "../../src/models/batches.js";
import { DenseAdam } from "../../src/models/dense-adam.js";
import { SeedTree } from "../../src/rng/stream.js";

test("one Adam step with coupled weight decay, worked by hand (PyTorch's formula)", () => {
  const opt = new DenseAdam([{ name: "a", rows: 1, cols: 2, weightDecay: 0.1 }], { lr: 0.01 });
  opt.theta.set([1, 1]);
  opt.grad.set([0.5, 0]);
  opt.step();
  // element 0: g = 0.5 + 0.1·1 = 0.6; m = 0.06; v = 0.00036; step size 0.01/(1−0.9) = 0.1;
  // denom = √0.00036/√0.001 + 1e-8 = 0.6 + 1e-8 → θ = 1 − 0.1·0.06/(0.6 + 1e-8)
  assert.ok(Math.abs(opt.theta[0]! - (1 - 0.006 / (0.6 + 1e-8))) < 1e-15);
  // element 1 had no gradient from the data but still decays and moves (DENSE update):
  // g = 0.1 → the first step is lr·g/(|g| + ε') ≈ 0.01
  assert.ok(Math.abs(opt.theta[1]! - (1 - (0.1 * 0.01) / (0.1 + 1e-8))) < 1e-15);
  // the gradient is consumed
  assert.deepEqual(Array.from(opt.grad), [0, 0]);
});

test("each table keeps its own weight decay", () => {
  const opt = new DenseAdam(
    [
      { name: "a", rows: 1, cols: 1, weightDecay: 0 },
      { name: "b", rows: 1, cols: 1, weightDecay: 1 },
    ],
    { lr: 0.01 },
  );
  opt.theta[opt.at("a")] = 1;
  opt.theta[opt.at("b")] = 1;
  opt.step();
  assert.equal(opt.theta[opt.at("a")], 1, "no gradient and no decay: no move");
  assert.ok(opt.theta[opt.at("b")]! < 1);
  assert.equal(opt.at("b"), 2, "tables start at even offsets (16-byte aligned for the SIMD kernel)");
  assert.throws(() => opt.at("c"), RangeError);
});

test("batch order: a permutation each epoch, last partial batch kept", () => {
  const o = new BatchOrder(10, 4, new SeedTree(0).stream("t"));
  assert.equal(o.batches, 3);
  o.shuffle();
  const first = Array.from(o.perm);
  assert.deepEqual([...first].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  o.shuffle();
  assert.notDeepEqual(Array.from(o.perm), first);
});

/**
 * Runs the WebAssembly kernel and the JavaScript loop side by side from the same start and the same
 * gradients (given for the first `gradSteps` steps only) and checks every parameter is bit-identical.
 */
function assertKernelsAgree(precision: "f64" | "f32", steps: number, gradSteps: number): void {
  const tables = [
    { name: "P", rows: 7, cols: 3, weightDecay: 0.1 }, // 21 elements: an odd table, padded
    { name: "b", rows: 5, cols: 1, weightDecay: 1 },
  ];
  const a = new DenseAdam(tables, { lr: 1e-2, precision }, true);
  const b = new DenseAdam(tables, { lr: 1e-2, precision }, false);
  assert.equal(b.simd, false);
  assert.equal(a.at("b") % (precision === "f32" ? 4 : 2), 0, "tables start 16-byte aligned for the SIMD kernel");
  a.initNormal(new SeedTree(9).stream("init"), 0.1);
  b.initNormal(new SeedTree(9).stream("init"), 0.1);
  const g = new SeedTree(9).stream("grad");
  for (let step = 0; step < steps; step++) {
    if (step < gradSteps) {
      for (let i = 0; i < 30; i++) {
        const k = i < 21 ? i : a.at("b") + (i % 5);
        const x = g.normal();
        a.grad[k] = x;
        b.grad[k] = x;
      }
    }
    a.step();
    b.step();
  }
  for (const o of [0, a.at("b")]) for (let i = 0; i < (o === 0 ? 21 : 5); i++) assert.equal(a.theta[o + i], b.theta[o + i]);
}

test("the WebAssembly SIMD kernel and the JavaScript loop give bit-identical parameters", () => {
  assertKernelsAgree("f64", 50, 50);
});

test("f32: the WebAssembly SIMD kernel and the Math.fround loop agree bit for bit, flushes included", () => {
  // After 50 steps the data gradient stops: weight decay 1 then drives the biases towards 0,
  // through the range where the f32 kernel flushes would-be subnormals.
  assertKernelsAgree("f32", 300, 50);
});

test("f32 follows the f64 trajectory to single precision", () => {
  const tables = [{ name: "P", rows: 10, cols: 4, weightDecay: 0.1 }];
  const hi = new DenseAdam(tables, { lr: 1e-2 });
  const lo = new DenseAdam(tables, { lr: 1e-2, precision: "f32" });
  hi.initNormal(new SeedTree(3).stream("init"), 0.1);
  lo.initNormal(new SeedTree(3).stream("init"), 0.1);
  const g = new SeedTree(3).stream("grad");
  for (let step = 0; step < 100; step++) {
    for (let i = 0; i < 40; i++) {
      const x = 0.1 * g.normal();
      hi.grad[i] = x;
      lo.grad[i] = Math.fround(x);
    }
    hi.step();
    lo.step();
  }
  // 100 Adam steps of size ≤ lr from the same start: f32 rounding (2^−24 relative per operation)
  // leaves the parameters within 1e-5 of the double-precision run.
  for (let i = 0; i < 40; i++) assert.ok(Math.abs(hi.theta[i]! - lo.theta[i]!) < 1e-5, `element ${i}: ${hi.theta[i]} vs ${lo.theta[i]}`);
});
