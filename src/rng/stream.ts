/**
 * Keyed random streams. Every draw in ctar comes from a `Stream` derived from (root seed, purpose,
 * unit index), never from Math.random, so that
 *  - one node's draws never shift another's (an intervention leaves the rest of the world intact),
 *  - any user can be generated alone, in any order, on any worker, with identical results.
 *
 * Seeding: the key is hashed with a 32-bit avalanche mix (the MurmurHash3 finaliser, applied in a
 * sponge over the key's UTF-16 code units and the integers) into the 128-bit state of xoshiro128**
 * (Blackman & Vigna, "Scrambled linear pseudorandom number generators", 2018). Only 32-bit integer
 * operations are used, so the output is identical on every JavaScript engine and machine.
 */
import { portableLog } from "./portable-log.js";

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Absorbs one 32-bit word into a 4-word state (a small sponge built from fmix32). */
function absorb(s: Uint32Array, w: number): void {
  const a = s[0]! ^ (w >>> 0);
  s[0] = fmix32((a + 0x9e3779b9) >>> 0);
  s[1] = fmix32((s[1]! ^ s[0]) + 0x7f4a7c15);
  s[2] = fmix32((s[2]! ^ s[1]) + 0x85ebca6b);
  s[3] = fmix32((s[3]! ^ s[2]) + 0xc2b2ae35);
}

/** A key part: a string (a node or stage name) or a non-negative integer below 2^53. */
export type KeyPart = string | number;

function absorbInt(s: Uint32Array, x: number): void {
  absorb(s, x % 0x100000000);
  absorb(s, Math.floor(x / 0x100000000));
}

function absorbPart(s: Uint32Array, p: KeyPart): void {
  if (typeof p === "string") {
    absorb(s, 0x5354 + p.length); // a tag separating strings from integers
    for (let i = 0; i < p.length; i++) absorb(s, p.charCodeAt(i));
  } else {
    absorb(s, 0x494e);
    absorbInt(s, p);
  }
}

/** The sponge state after the seed and the key parts (before the all-zero guard). */
function absorbKey(seed: number, parts: readonly KeyPart[]): Uint32Array {
  const s = new Uint32Array([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344]);
  absorbInt(s, seed);
  for (const p of parts) absorbPart(s, p);
  return s;
}

function nonZero(s: Uint32Array): Uint32Array {
  // xoshiro's state must not be all zero.
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1;
  return s;
}

export function hashKey(seed: number, parts: readonly KeyPart[]): Uint32Array {
  return nonZero(absorbKey(seed, parts));
}

/**
 * The streams (seed, ...prefix, i) for every integer i, with the prefix absorbed once: a node's
 * per-user streams cost two absorbed words per user instead of the whole key.
 */
export class StreamFamily {
  private readonly prefix: Uint32Array;
  private readonly work = new Uint32Array(4);
  constructor(seed: number, parts: readonly KeyPart[]) {
    this.prefix = absorbKey(seed, parts);
  }
  /** The same stream as `new SeedTree(seed).stream(...parts, i)`. */
  stream(i: number): Stream {
    const s = this.work;
    s.set(this.prefix);
    absorbPart(s, i);
    return new Stream(nonZero(s));
  }
}

const TWO_POW_32 = 4294967296;
const TWO_POW_M53 = 1 / 9007199254740992;
const TWO_POW_M31 = 1 / 2147483648;

export class Stream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = 0;
  private hasSpare = false;

  constructor(state: Uint32Array) {
    this.s0 = state[0]! | 0;
    this.s1 = state[1]! | 0;
    this.s2 = state[2]! | 0;
    this.s3 = state[3]! | 0;
  }

  /** Next 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const s1 = this.s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r >>> 0;
  }

  /**
   * The next n draws of `nextUint32`, written to out[0..n) (the same values, the stream then where n
   * calls would leave it). The state stays in locals for the whole loop: a per-pair loop that
   * needs one draw a pair (the rating's) runs at about half the cost of n calls.
   */
  fillUint32(out: Uint32Array, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < n; i++) {
      out[i] = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_M53;
  }

  /** Uniform double in (0, 1): never 0, so safe under log. */
  uniformOpen(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /** Uniform integer in [0, n), n ≤ 2^32, without modulo bias (Lemire-style rejection). */
  int(n: number): number {
    if (n <= 1) return 0;
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /**
   * Standard normal draw: Marsaglia's polar method (Marsaglia & Bray 1964), which needs no
   * trigonometry; each accepted pair gives two draws, the spare kept in this stream only.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      // 32-bit coordinates in [−1, 1): resolution 2^−31, far below what the simulation resolves.
      x = this.nextUint32() * TWO_POW_M31 - 1;
      y = this.nextUint32() * TWO_POW_M31 - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * portableLog(s)) / s);
    this.spare = y * f;
    this.hasSpare = true;
    return x * f;
  }

  /** Bernoulli(p) draw. */
  bernoulli(p: number): boolean {
    return this.uniform() < p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The root of all streams of one run: `stream(...key)` derives an independent stream. */
export class SeedTree {
  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`SeedTree: seed must be a non-negative safe integer (got ${seed})`);
    }
  }
  stream(...key: KeyPart[]): Stream {
    return new Stream(hashKey(this.seed, key));
  }
  /** `stream(...prefix, i)` for every integer i, cheaply (see StreamFamily). */
  family(...prefix: KeyPart[]): StreamFamily {
    return new StreamFamily(this.seed, prefix);
  }
}
