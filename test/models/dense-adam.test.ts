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
  opt.theta.set([1, 1]);
  opt.step();
  assert.equal(opt.theta[0], 1, "no gradient and no decay: no move");
  assert.ok(opt.theta[1]! < 1);
  assert.equal(opt.at("b"), 1);
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
