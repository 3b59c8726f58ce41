/**
 * The exact population risk: the rating law's second moment against its probability mass function
 * (rounded) and numerical integration (unrounded), and the streamed risk of PopulationRisk against
 * a brute-force sum over every pair with |TL| counted by set intersection.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { RatingExpectation, type RatingModel } from "../../src/mechanisms/rating-expectation.js";
import { normalCdf } from "../../src/mechanisms/normal-cdf.js";
import { PopulationRisk, momentTables } from "../../src/tasks/ratings/population-risk.js";

const DEFAULT: RatingModel = { mu: 0.7, sigma: 0.25, min: 1, max: 5, round: true };

test("E[R²] of the rounded rating equals Σ r² P(R = r) from the normal law", () => {
  for (const model of [DEFAULT, { ...DEFAULT, sigma: 0.9 }, { ...DEFAULT, min: 0.5, max: 4.2 }]) {
    const e = new RatingExpectation(model);
    for (const q of [0.3, 2.2, 3.71, 4.9, 6.4]) {
      for (const k of [0, 1, 3]) {
        const x = q - model.mu + k / 2;
        // P(R = clip(round(y))) by integer cell of y: cells (r − ½, r + ½]
        let m2 = 0;
        for (let r = -10; r <= 20; r++) {
          const p = normalCdf((r + 0.5 - x) / model.sigma) - normalCdf((r - 0.5 - x) / model.sigma);
          const v = Math.min(model.max, Math.max(model.min, r));
          m2 += p * v * v;
        }
        assert.ok(Math.abs(e.secondMoment(q, k) - m2) < 1e-9, `q ${q}, k ${k}: ${e.secondMoment(q, k)} vs ${m2}`);
      }
    }
  }
});

test("E[R²] of the unrounded rating equals the integral of clip(y)² φ", () => {
  const model = { ...DEFAULT, round: false, sigma: 0.8 };
  const e = new RatingExpectation(model);
  for (const q of [0.5, 3.1, 5.9]) {
    const x = q - model.mu;
    // Simpson on y ∈ x ± 10σ
    const n = 20000;
    const a = x - 10 * model.sigma;
    const h = (20 * model.sigma) / n;
    let s = 0;
    for (let i = 0; i <= n; i++) {
      const y = a + i * h;
      const c = Math.min(model.max, Math.max(model.min, y));
      const f = (c * c * Math.exp(-0.5 * ((y - x) / model.sigma) ** 2)) / (model.sigma * Math.sqrt(2 * Math.PI));
      s += f * (i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2);
    }
    assert.ok(Math.abs(e.secondMoment(q, 0) - (s * h) / 3) < 1e-8, `q ${q}`);
  }
});

test("the streamed population risk equals the brute-force sum over every pair", () => {
  const quality = Float64Array.from([1.2, 3.4, 4.1, 2.8, 5.3]);
  const tm = [[0, 1], [1, 2, 3], [], [0, 3], [2]];
  const tu = [[1, 3], [], [0, 2, 3], [2]];
  const width = 4;
  const { mean, second } = momentTables(DEFAULT, quality, width);
  const csr = (lists: number[][]) => ({ start: Int32Array.from([0, ...lists.map((_, i) => lists.slice(0, i + 1).flat().length)]), tag: Int32Array.from(lists.flat()) });
  const [m, u] = [csr(tm), csr(tu)];
  const truth = { users: tu.length, movies: tm.length, width, mean, second, tmStart: m.start, tmTag: m.tag, tuStart: u.start, tuTag: u.tag };
  const yhat = (uu: number, mm: number) => 2 + 0.3 * uu - 0.2 * mm;
  const got = new PopulationRisk(truth).risk((uu, out) => {
    for (let mm = 0; mm < out.length; mm++) out[mm] = yhat(uu, mm);
  });
  const e = new RatingExpectation(DEFAULT);
  let want = 0;
  for (let uu = 0; uu < tu.length; uu++) {
    for (let mm = 0; mm < tm.length; mm++) {
      const k = tm[mm]!.filter((t) => tu[uu]!.includes(t)).length;
      const r1 = e.expected(quality[mm]!, k);
      const r2 = e.secondMoment(quality[mm]!, k);
      want += r2 - r1 * r1 + (r1 - yhat(uu, mm)) ** 2;
    }
  }
  assert.ok(Math.abs(got - want / (tu.length * tm.length)) < 1e-12, `${got} vs ${want / 20}`);
});
