/**
 * e^x computed the same way in every JavaScript engine: fdlibm's algorithm (e_exp.c, Sun
 * Microsystems 1993: argument reduction x = k·ln2 + r, a degree-5 minimax polynomial in r²,
 * scaling by 2^k), written with + − × ÷ only, which IEEE 754 rounds exactly alike everywhere.
 * Engines' own Math.exp differ in the last bit (Node 20 and Chromium 156 disagree on about one
 * input in ten), and the closed-form truth (τ through normal-cdf.ts, the propensities of popularity-missingness.ts, the built-in catalog) must be the same bytes in a
 * browser as in `ctar generate` (docs/browser.md). This port equals Node 20's Math.exp bit for
 * bit (V8 of that version uses the same fdlibm algorithm), so no dataset written before changes.
 */
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.33263618503218878990e-302;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
/** The word order of a double in a Uint32Array: little-endian machines keep the high word second. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** 2^k for −1022 ≤ k ≤ 1023, built from its exponent bits. */
function twoTo(k: number): number {
  words[HI] = (0x3ff00000 + (k << 20)) >>> 0;
  words[LO] = 0;
  return scratch[0]!;
}

/** e^x, the same double in every engine. */
export function portableExp(x: number): number {
  scratch[0] = x;
  let hx = words[HI]! | 0;
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…: NaN, ±∞, overflow or underflow
    if (hx >= 0x7ff00000) return Number.isNaN(x) ? x : negative ? 0 : x;
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2: reduce
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2
      if (x === 1) return Math.E;
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * 8.98846567431157953865e307 : y * twoTo(k);
  return y * twoTo(k + 1000) * TWO_M1000;
}
