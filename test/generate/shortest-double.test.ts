import assert from "node:assert/strict";
import { test } from "node:test";
import { CsvBytes } from "../../src/generate/csv-bytes.js";
import { writeShortest } from "../../src/generate/shortest-double.js";
import { SeedTree, type Stream } from "../../src/rng/stream.js";

const decoder = new TextDecoder();
const bits = new DataView(new ArrayBuffer(8));

/** A double from 64 random bits (every exponent, NaNs and infinities included). */
function anyDouble(rng: Stream): number {
  bits.setUint32(0, rng.nextUint32());
  bits.setUint32(4, rng.nextUint32());
  return bits.getFloat64(0);
}

/** A double with a random significand and a decimal exponent in [lo, hi). */
function scaled(rng: Stream, lo: number, hi: number): number {
  const sign = rng.nextUint32() & 1 ? -1 : 1;
  return sign * rng.uniform() * 10 ** (lo + rng.int(hi - lo));
}

/** Compares CsvBytes.num to String(x) for each value; returns how many took the fast path. */
function check(values: Iterable<number>): { count: number; fast: number } {
  const out = new CsvBytes(1 << 20);
  const scratch = new Uint8Array(32);
  let count = 0;
  let fast = 0;
  for (const x of values) {
    out.num(x).comma();
    const got = decoder.decode(out.take());
    if (got !== `${String(x)},`) assert.fail(`num(${String(x)}) wrote ${JSON.stringify(got)}`);
    const end = writeShortest(scratch, 0, x);
    if (end >= 0) {
      fast++;
      assert.equal(decoder.decode(scratch.subarray(0, end)), String(x));
    }
    count++;
  }
  return { count, fast };
}

function* draws(n: number, f: () => number): Generator<number> {
  for (let i = 0; i < n; i++) yield f();
}

test("CsvBytes.num writes String(x) byte for byte on the edge cases", () => {
  const edges = [
    0, -0, 1, -1, 0.5, -0.5, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, -1 / 3, Math.PI, Math.E, NaN, Infinity, -Infinity,
    1e21, 1e21 + 1e6, 1.5e21, 9.999999999999999e20, 1e22, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE,
    1e-6, 1e-7, 9.999999999999999e-7, 1.0000000000000001e-6, 1.5e-7, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, Number.MIN_VALUE,
    2 ** 53, 2 ** 53 + 2, 2 ** 53 - 1, 2 ** 53 - 0.5, 2 ** 52 + 0.5, 2 ** 52 - 0.25, 2 ** -20, 2 ** -19 * 3, 123456789012345.6, 0.30000000000000004,
    0.9999999999999999, 0.09999999999999999, 1.0000000000000002, 9.999999999999998, 99.99999999999999, 4.35, 0.000001234, 12345678.9,
    Number.EPSILON, 1 - Number.EPSILON / 2, 1 + Number.EPSILON, 5e-7, 0.0000015, 1e15 + 0.5, 1e16 - 1, 4503599627370495.5,
  ];
  const powers = Array.from({ length: 60 }, (_, i) => 10 ** (i - 30)).flatMap((x) => [x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON / 2), -x]);
  const twos = Array.from({ length: 140 }, (_, i) => 2 ** (i - 70)).flatMap((x) => [x, x * (1 + Number.EPSILON), x * (1 - Number.EPSILON / 2)]);
  check([...edges, ...powers, ...twos]);
});

test("CsvBytes.num writes String(x) byte for byte on millions of random doubles, mostly without a string", () => {
  const seeds = new SeedTree(20);
  const bitsRng = seeds.stream("bits");
  check(draws(300_000, () => anyDouble(bitsRng)));
  const big = seeds.stream("big");
  check(draws(300_000, () => scaled(big, 12, 22)));
  const unit = seeds.stream("unit");
  const u = check(draws(500_000, () => unit.uniform()));
  // τ-like values: differences of expectations, a few units at most, both signs.
  const tau = seeds.stream("tau");
  const t = check(draws(500_000, () => (tau.uniform() - 0.3) * 4 * tau.uniform()));
  const wide = seeds.stream("wide");
  const w = check(draws(500_000, () => scaled(wide, -5, 13)));
  // Short decimals: k / 10^j.
  const short = seeds.stream("short");
  const s = check(draws(300_000, () => short.int(100_000) / 10 ** (1 + short.int(8))));
  // The fast path must carry the common case: it returns −1 only where it cannot decide (below
  // 1e-6, the exponent form; ties between two decimals, which come with large magnitudes).
  for (const [name, r] of [["unit", u], ["tau", t], ["wide", w]] as const) assert.ok(r.fast / r.count > 0.99, `${name}: ${r.fast} of ${r.count} fast`);
  assert.ok(s.fast / s.count > 0.9, `short: ${s.fast} of ${s.count} fast`);
});
