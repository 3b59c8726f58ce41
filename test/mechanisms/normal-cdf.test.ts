/**
 * erfc and the normal tails against high-precision values. Expected values were computed with
 * mpmath 1.3.0 at 30 significant digits (`mpmath.erfc(x)`, `mpmath.ncdf(z)`), an independent tool.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { erfc, normalCdf, normalInterval, normalSurvival } from "../../src/mechanisms/normal-cdf.js";

function close(got: number, want: number, rel: number, what: string) {
  const err = want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
  assert.ok(err <= rel, `${what}: got ${got}, want ${want} (relative error ${err.toExponential(2)} > ${rel})`);
}

const ERFC: ReadonlyArray<readonly [number, number]> = [
  [-3, 1.9999779095030014146],
  [-0.5, 1.5204998778130465377],
  [0, 1],
  [0.3, 0.67137324054087258381],
  [0.999, 0.15771472979350305836], // just below the switch from series to continued fraction
  [1, 0.15729920705028513066],
  [1.5, 0.033894853524689272933],
  [2, 0.0046777349810472658379],
  [3, 0.000022090496998585441373],
  [5, 1.5374597944280348502e-12],
  [10, 2.088487583762544757e-45],
  [20, 5.3958656116079009289e-176],
  [26, 5.6631924088561428465e-296],
];

test("erfc matches 20-digit values to 1e-13 relative, across the series/continued-fraction switch and the far tail", () => {
  for (const [x, want] of ERFC) close(erfc(x), want, 1e-13, `erfc(${x})`);
  assert.equal(erfc(40), 0);
  assert.equal(erfc(-40), 2);
  assert.ok(Number.isNaN(erfc(NaN)));
});

test("normal tails are accurate on both sides (no 1 − Φ cancellation)", () => {
  close(normalCdf(-8), 6.2209605742717841235e-16, 1e-13, "Φ(−8)");
  close(normalSurvival(8), 6.2209605742717838744e-16, 1e-13, "1 − Φ(8)");
  close(normalCdf(1.96), 0.97500210485177956379, 1e-15, "Φ(1.96)");
  close(normalSurvival(1.96), 0.024997895148220436213, 1e-13, "1 − Φ(1.96)");
  assert.equal(normalCdf(0), 0.5);
  assert.equal(normalCdf(-Infinity), 0);
  assert.equal(normalSurvival(Infinity), 0);
});

test("interval probabilities are non-negative and sum to one over a partition", () => {
  const cuts = [-Infinity, -7, -2.5, -0.1, 0, 0.3, 1, 4, 9, Infinity];
  let sum = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const p = normalInterval(cuts[i]!, cuts[i + 1]!);
    assert.ok(p >= 0, `P(${cuts[i]} ≤ Z < ${cuts[i + 1]}) = ${p}`);
    sum += p;
  }
  close(sum, 1, 1e-14, "sum over the partition");
  close(normalInterval(8, 9), 6.2209605742717838744e-16 - 1.1285884059534409115e-19, 1e-9, "P(8 ≤ Z < 9)");
  assert.equal(normalInterval(1, 1), 0);
});
