/**
 * The off-policy estimators (src/truth/ope-estimators.ts): every estimator on a hand-worked case,
 * exactly; Switch-DR's threshold at its ends; and IPS and DR with exact propensities unbiased for
 * the exact value, checked over 4,000 seeded draws of the observation indicators against the
 * exact standard deviation of each estimator (independent Bernoulli observations:
 * Var IPS = Σ w² R² (1 − p)/p, Var DR = Σ w² (R − R̂)² (1 − p)/p), at 4 standard errors.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { SeedTree } from "../../src/rng/stream.js";
import { OpeSums } from "../../src/truth/ope-estimators.js";

/** Two users: u0 is recommended movies 0 and 1 (w = 1/4 each), u1 movie 2 (w = 1/2). */
function handCase(lambda = Infinity): OpeSums {
  const s = new OpeSums(lambda);
  s.pair(0.25, 3); // u0 m0: R 4, R̂ 3, observed with p 1/2
  s.pair(0.25, 3); // u0 m1: R 2, R̂ 3, not observed
  s.pair(0.5, 4); //  u1 m2: R 5, R̂ 4, observed with p 1/4
  s.observed(0.25, 4, 3, 0.5);
  s.observed(0.5, 5, 4, 0.25);
  return s;
}

test("every estimator on a hand-worked case (true value 4)", () => {
  const e = handCase(3).estimates();
  assert.equal(e.naive, (0.25 * 4 + 0.5 * 5) / 0.75); // 14/3
  assert.equal(e.ips, 0.25 * 2 * 4 + 0.5 * 4 * 5); // 12
  assert.equal(e.snips, 12 / (0.25 * 2 + 0.5 * 4)); // 4.8
  assert.equal(e.dm, 0.25 * 3 + 0.25 * 3 + 0.5 * 4); // 3.5
  assert.equal(e.dr, 3.5 + 0.25 * 2 * (4 - 3) + 0.5 * 4 * (5 - 4)); // 6
  assert.equal(e.sndr, 3.5 + 2.5 / 2.5); // 4.5
  assert.equal(e["switch-dr"], 3.5 + 0.25 * 2 * (4 - 3)); // λ = 3 keeps ι = 2, drops ι = 4: 4
});

test("Switch-DR: λ = ∞ is DR, λ = 0 is DM; a negative λ is refused", () => {
  assert.equal(handCase(Infinity).estimates()["switch-dr"], 6);
  assert.equal(handCase(0).estimates()["switch-dr"], 3.5);
  assert.equal(handCase(4).estimates()["switch-dr"], 6); // ι ≤ λ keeps the pair
  assert.throws(() => new OpeSums(-1), RangeError);
  assert.throws(() => new OpeSums(NaN), RangeError);
});

test("undefined estimates are NaN: no propensity, no reward model, nothing observed", () => {
  const s = new OpeSums();
  s.pair(1, NaN);
  s.observed(1, 4, NaN, NaN);
  const e = s.estimates();
  assert.equal(e.naive, 4);
  for (const k of ["ips", "snips", "dm", "dr", "sndr", "switch-dr"] as const) assert.ok(Number.isNaN(e[k]), k);
  const none = new OpeSums();
  none.pair(1, 2);
  assert.ok(Number.isNaN(none.estimates().naive));
  assert.equal(none.estimates().dm, 2);
});

test("IPS and DR with exact propensities are unbiased for the exact value (4,000 seeded draws, 4 standard errors)", () => {
  const users = 40;
  const movies = 30;
  const k = 5;
  const tree = new SeedTree(11);
  const world = tree.stream("world");
  const p = Float64Array.from({ length: movies }, () => 0.05 + 0.55 * world.uniform());
  // each user's k distinct movies, their ratings R and a deliberately wrong reward model R̂
  const pairs: { w: number; m: number; r: number; rHat: number }[] = [];
  for (let u = 0; u < users; u++) {
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(world.int(movies));
    for (const m of chosen) {
      const r = 1 + 4 * world.uniform();
      pairs.push({ w: 1 / (users * k), m, r, rHat: 0.5 * r + 1.5 + world.uniform() });
    }
  }
  const v = pairs.reduce((s, x) => s + x.w * x.r, 0);
  const varIps = pairs.reduce((s, x) => s + x.w * x.w * x.r * x.r * (1 - p[x.m]!) / p[x.m]!, 0);
  const varDr = pairs.reduce((s, x) => s + x.w * x.w * (x.r - x.rHat) ** 2 * (1 - p[x.m]!) / p[x.m]!, 0);
  const n = 4000;
  let ips = 0;
  let dr = 0;
  for (let rep = 0; rep < n; rep++) {
    const draw = tree.stream("observe", rep);
    const s = new OpeSums();
    for (const x of pairs) {
      s.pair(x.w, x.rHat);
      if (draw.uniform() < p[x.m]!) s.observed(x.w, x.r, x.rHat, p[x.m]!);
    }
    const e = s.estimates();
    ips += e.ips / n;
    dr += e.dr / n;
  }
  assert.ok(Math.abs(ips - v) <= 4 * Math.sqrt(varIps / n), `IPS mean ${ips} vs V ${v} (se ${Math.sqrt(varIps / n)})`);
  assert.ok(Math.abs(dr - v) <= 4 * Math.sqrt(varDr / n), `DR mean ${dr} vs V ${v} (se ${Math.sqrt(varDr / n)})`);
  // and the test can fail: the DM estimate with this R̂ is far off by construction
  const dm = pairs.reduce((s, x) => s + x.w * x.rHat, 0);
  assert.ok(Math.abs(dm - v) > 10 * Math.sqrt(varDr / n));
});
