/**
 * ln x computed the same way in every JavaScript engine: fdlibm's algorithm (e_log.c, Sun
 * Microsystems 1993: x = 2^k·(1+f), ln(1+f) from s = f/(2+f) and a degree-14 polynomial in s), in
 * + − × ÷ only. Engines' own Math.log differ in the last bit (Node 20 and Chromium 156 disagree on
 * several inputs in a hundred); the normal draws of the random streams (stream.ts) use this, so a
 * dataset is the same bytes in a browser as in `ctar generate` (docs/browser.md). It equals Node
 * 20's Math.log bit for bit (V8 of that version uses the same fdlibm algorithm).
 */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO54 = 1.80143985094819840000e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** ln x, the same double in every engine. */
export function portableLog(x: number): number {
  scratch[0] = x;
  let hx = words[HI]! | 0;
  const lx = words[LO]!;
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    scratch[0] = x * TWO54;
    hx = words[HI]! | 0;
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  words[HI] = (hx | (i ^ 0x3ff00000)) >>> 0; // x or x/2 normalised into [sqrt(2)/2, sqrt(2))
  k += i >> 20;
  const f = scratch[0]! - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}
