import assert from "node:assert/strict";
import { test } from "node:test";
import { addFrobeniusTieGrad } from "../../src/models/cause-ctar.js";
import { addSquaredLossGrad, type FactorView } from "../../src/models/factorization.js";
import { SeedTree } from "../../src/rng/stream.js";

// 3 users, 4 tags, dim 2; layout P | Qc | Qt | bu | bt.
const U = 3;
const T = 4;
const D = 2;
const fc: FactorView = { dim: D, p: 0, q: U * D, bu: U * D + 2 * T * D, bt: U * D + 2 * T * D + U };
const ft: FactorView = { ...fc, q: U * D + T * D };
const N = U * D + 2 * T * D + U + T;
// a batch in which tag 1 appears twice (PyTorch's gather keeps both rows)
const user = Int32Array.from([0, 1, 2, 0]);
const tag = Int32Array.from([1, 1, 3, 0]);
const label = Float64Array.from([1, 0, 1, 0]);
const idx = Int32Array.from([0, 1, 2, 3]);
const lambda = 0.1;

function loss(th: Float64Array): number {
  const pred = (f: FactorView, u: number, t: number) => th[f.bu + u]! + th[f.bt + t]! + th[f.p + u * D]! * th[f.q + t * D]! + th[f.p + u * D + 1]! * th[f.q + t * D + 1]!;
  let a = 0;
  let b = 0;
  let ss = 0;
  for (let i = 0; i < 4; i++) {
    a += (pred(fc, user[i]!, tag[i]!) - label[i]!) ** 2;
    b += (pred(ft, user[i]!, tag[i]!) - label[i]!) ** 2;
    for (let k = 0; k < D; k++) ss += (th[fc.q + tag[i]! * D + k]! - th[ft.q + tag[i]! * D + k]!) ** 2;
  }
  return a / 4 + b / 4 + lambda * Math.sqrt(ss);
}

test("CausE-ctar's step gradient matches central finite differences (repeated batch tags included)", () => {
  const rng = new SeedTree(5).stream("grad");
  const th = Float64Array.from({ length: N }, () => 0.3 * rng.normal());
  const gr = new Float64Array(N);
  addSquaredLossGrad(th, gr, fc, user, tag, label, idx, 0, 4, 0.25, 0.25);
  addSquaredLossGrad(th, gr, ft, user, tag, label, idx, 0, 4, 0.25, 0.25);
  const count = new Int32Array(8);
  addFrobeniusTieGrad(th, gr, fc.q, ft.q, D, tag, idx, 0, 4, lambda, count, new Int32Array(4));
  assert.deepEqual(Array.from(count), new Array(8).fill(0), "the scratch counts are left zero");
  const h = 1e-6;
  for (let i = 0; i < N; i++) {
    const x = th[i]!;
    th[i] = x + h;
    const up = loss(th);
    th[i] = x - h;
    const down = loss(th);
    th[i] = x;
    const fd = (up - down) / (2 * h);
    assert.ok(Math.abs(fd - gr[i]!) < 1e-7, `parameter ${i}: analytic ${gr[i]} vs finite difference ${fd}`);
  }
});
