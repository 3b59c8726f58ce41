/**
 * The shortest round-trip decimal of a double, written as ASCII bytes: the same text as
 * `String(x)` (ECMAScript Number::toString), without making a string. Used for the doubles of the
 * streamed files (τ, continuous ratings, propensities), which would otherwise cost one string each.
 *
 * Method. For |x| in [1e-6, 2^53) (the fixed notation of Number::toString), with n integer digits,
 * a decimal of p significant digits is d · 10^−k with k = p − n. The product x · 10^k is computed
 * exactly, as hi + lo (Dekker's two-product: 10^k is exact for k ≤ 22), so d = the integer nearest
 * x · 10^k is exact, and d · 10^−k reads back as x exactly when |x · 10^k − d| is below half of
 * x's spacing times 10^k (a power of two times 10^k, also exact). Reading back is monotone in p
 * (a p-digit decimal is also a (p + 1)-digit one), so the smallest p is found by testing 16, then
 * 15, then a bisection below; d is then the closest decimal of that length, as the standard asks.
 * Every case this cannot decide exactly — the distance within a rounding error of the bound, a tie,
 * a power of two (whose spacing below is half the one above), |x| outside the range — returns −1,
 * and the caller writes `String(x)` instead: the output is String(x) byte for byte either way
 * (test/generate/shortest-double.test.ts, in a clone, compares them over millions of doubles).
 */

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** 10^−j, the nearest doubles: only to guess n (a wrong guess is caught by the digit count). */
const NEG_POW10: readonly number[] = Array.from({ length: 8 }, (_, j) => Number(`1e-${j}`));
/** Veltkamp's splitter for doubles: 2^27 + 1. */
const SPLIT = 134217729;
/** 10^k split into high and low halves of 26 bits (for the exact product). */
const POW10_HIGH = Float64Array.from(POW10, (s) => SPLIT * s - (SPLIT * s - s));
const POW10_LOW = Float64Array.from(POW10, (s, k) => s - POW10_HIGH[k]!);
/** 2^(i − 80): half the spacing of doubles, 2^(e − 53), for e ≥ −27. */
const POW2 = Float64Array.from({ length: 80 }, (_, i) => 2 ** (i - 80));
const TWO_53 = 9007199254740992;
/** The relative error allowed around a decision: far above the one rounding of `gap`. */
const MARGIN = 2 ** -45;
const LOG10_2 = Math.log10(2);

/** The bits of a double, for its binary exponent (little- or big-endian alike: read as a Float64). */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HIGH_WORD = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f ? 1 : 0;

/** Result of testing p digits: the decimal reads back, does not, or cannot be decided. */
const NO = 0;
const YES = 1;
const UNSURE = 2;

/** The digits of the last YES test: d = dHigh · 10^8 + dLow (d may exceed 2^53). */
let dHigh = 0;
let dLow = 0;

/**
 * Whether the closest p-digit decimal of ax (n integer digits, half spacing `half`) reads back as
 * ax; on YES, its digits are left in dHigh/dLow.
 */
function test(ax: number, n: number, p: number, half: number): number {
  const k = p - n;
  if (k < 1 || k > 22) return UNSURE;
  const s = POW10[k]!;
  // Dekker's exact product ax · s = hi + lo.
  const hi = ax * s;
  const c = SPLIT * ax;
  const ah = c - (c - ax);
  const al = ax - ah;
  const sh = POW10_HIGH[k]!;
  const sl = POW10_LOW[k]!;
  const lo = ah * sh - hi + ah * sl + al * sh + al * sl;
  const r = Math.round(hi);
  // hi − r is exact (a fraction of hi, or 0 when hi ≥ 2^52); the sum has one rounding.
  let gap = hi - r + lo;
  const adjust = Math.round(gap);
  gap -= adjust;
  const g = gap < 0 ? -gap : gap;
  const bound = half * s;
  const off = g - bound;
  if ((off < 0 ? -off : off) <= bound * MARGIN) return UNSURE;
  if (off > 0) return NO;
  if (g >= 0.5 - MARGIN) return UNSURE; // two decimals equally close, both reading back
  // r < 2^57; q · 10^8 is exact (q · 5^8 < 2^49, times 2^8), and so is r − q · 10^8.
  let q = Math.floor(r / 1e8);
  let low = r - q * 1e8 + adjust;
  while (low < 0) {
    low += 1e8;
    q--;
  }
  while (low >= 1e8) {
    low -= 1e8;
    q++;
  }
  dHigh = q;
  dLow = low;
  return YES;
}

/**
 * Writes String(x) into `buf` at `pos` for a non-integer x with 1e-6 ≤ |x| < 2^53 and returns the
 * position after it, or −1 (nothing meaningful written) when the caller must use String(x).
 * `buf` needs 25 bytes of room from `pos`.
 */
export function writeShortest(buf: Uint8Array, pos: number, x: number): number {
  const ax = x < 0 ? -x : x;
  if (!(ax >= 1e-6 && ax < TWO_53)) return -1;
  F64[0] = ax;
  const high = U32[HIGH_WORD]!;
  // At a power of two the spacing below is half the one above: undecided.
  if ((high & 0xfffff) === 0 && U32[1 - HIGH_WORD] === 0) return -1;
  const e = (high >>> 20) - 1023;
  // Half the spacing of doubles in [2^e, 2^(e+1)).
  const half = POW2[e - 53 + 80]!;
  // n: the number of integer digits, 10^(n−1) ≤ ax < 10^n (−5 ≤ n ≤ 16), guessed from e.
  let n = Math.floor(e * LOG10_2) + 1;
  if (n >= 0 ? ax >= POW10[n]! : ax >= NEG_POW10[-n]!) n++;
  const pmin = n + 1 > 1 ? n + 1 : 1;
  let p: number;
  let t = pmin > 16 ? NO : test(ax, n, 16, half);
  if (t === UNSURE) return -1;
  if (t === NO) {
    if (test(ax, n, 17, half) !== YES) return -1;
    p = 17;
  } else {
    // 16 digits read back: find the smallest p that does, in [pmin, 16].
    let lo = pmin - 1;
    let hi = 16;
    let high8 = dHigh;
    let low8 = dLow;
    let probe = 15;
    while (hi - lo > 1) {
      if (probe <= lo || probe >= hi) probe = (lo + hi) >> 1;
      t = test(ax, n, probe, half);
      if (t === UNSURE) return -1;
      if (t === YES) {
        hi = probe;
        high8 = dHigh;
        low8 = dLow;
      } else lo = probe;
      probe = (lo + hi) >> 1;
    }
    p = hi;
    dHigh = high8;
    dLow = low8;
  }
  // The p digits, least significant first, around the point; d must have exactly p digits and
  // end in a non-zero one (else n was misjudged: String decides).
  if (dLow % 10 === 0) return -1;
  const sign = x < 0 ? 1 : 0;
  const first = n > 0 ? pos + sign : pos + sign + 2 - n; // where the first digit goes
  const point = n > 0 ? first + n : -1;
  let at = first + p + (n > 0 ? 1 : 0);
  const end = at;
  let lowPart = dLow;
  let highPart = dHigh;
  for (let i = 0; i < p; i++) {
    if (--at === point) --at;
    if (i < 8) {
      const q = (lowPart / 10) | 0;
      buf[at] = 48 + lowPart - q * 10;
      lowPart = q;
    } else {
      const q = (highPart / 10) | 0;
      buf[at] = 48 + highPart - q * 10;
      highPart = q;
    }
  }
  if (lowPart !== 0 || highPart !== 0 || buf[first] === 48) return -1;
  if (sign === 1) buf[pos] = 45;
  if (n > 0) buf[point] = 46;
  else {
    buf[pos + sign] = 48;
    buf[pos + sign + 1] = 46;
    for (let i = pos + sign + 2; i < first; i++) buf[i] = 48;
  }
  return end;
}
