/**
 * The fused dense Adam update as a tiny WebAssembly SIMD kernel (two doubles per instruction), with
 * an identical plain-JavaScript fallback. Both perform the same IEEE-754 double operations in the
 * same order (no fused multiply-add), so they give bit-identical results; the kernel is ~2.5–3×
 * faster on this project's reference machine, which matters because the update touches every
 * parameter on every step (docs/baselines.md#optimiser).
 *
 * The module is assembled here from its opcodes (no build tool, no binary file). In text form:
 *
 *   (func (export "adam") (param $th $gr $m $v $bytes i32)
 *         (param $wd $b1 $b2 $c1 $c2 $step $isb $eps f64)
 *     ;; splat every f64 parameter into a v128, then for i = 0; i < bytes; i += 16:
 *     t  = load(th+i)
 *     g  = load(gr+i) + wd·t          ;; coupled weight decay
 *     store(gr+i, 0)
 *     mi = b1·load(m+i) + c1·g
 *     vi = b2·load(v+i) + (c2·g)·g
 *     store(m+i, mi); store(v+i, vi)
 *     store(th+i, t − (step·mi) / (sqrt(vi)·isb + eps)))
 *
 * The caller guarantees 16-byte-aligned pointers and a byte count that is a multiple of 16.
 */

/** The few WebAssembly JS-API members used here (the project's lib settings do not declare them). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};

/** WebAssembly SIMD opcodes of the two lane shapes used (f64x2: 2 doubles, f32x4: 4 floats). */
const OPS = {
  f64: { splat: 0x14, abs: 0xec, sqrt: 0xef, add: 0xf0, sub: 0xf1, mul: 0xf2, div: 0xf3, ge: 0x4c, scalar: 0x7c },
  f32: { splat: 0x13, abs: 0xe0, sqrt: 0xe3, add: 0xe4, sub: 0xe5, mul: 0xe6, div: 0xe7, ge: 0x46, scalar: 0x7d },
} as const;

/**
 * Assembles the kernel for one precision. The f32 kernel also flushes to zero what would otherwise
 * become a subnormal float (|g| < 1e-16, |m| < 1e-30, v < 1e-30): weight decay drives unused
 * parameters towards 0, and x86 processors compute on subnormal floats some hundred times more
 * slowly (WebAssembly has no flush-to-zero mode). The thresholds are far below any value that
 * moves a parameter: a flushed g changes v by less than 1e-35.
 */
function assembleAdamModule(precision: Precision): Uint8Array {
  const op = OPS[precision];
  const simd = (code: number) => [0xfd, ...leb(code)];
  const get = (i: number) => [0x20, ...leb(i)];
  const set = (i: number) => [0x21, ...leb(i)];
  const [ADD, SUB, MUL, DIV, SQRT, SPLAT, ABS, GE, AND] = [simd(op.add), simd(op.sub), simd(op.mul), simd(op.div), simd(op.sqrt), simd(op.splat), simd(op.abs), simd(op.ge), simd(0x4e)];
  const LOAD = [...simd(0x00), 4, 0];
  const STORE = [...simd(0x0b), 4, 0];
  // params 0..4: th, gr, m, v, bytes (i32); 5..14: wd, b1, b2, c1, c2, step, isb, eps, gTiny, mvTiny
  // locals 15: i (i32); 16..25: splats of params 5..14; 26 t, 27 g, 28 mi, 29 vi (v128)
  const I = 15;
  const addr = (p: number) => [...get(p), ...get(I), 0x6a];
  const f32 = precision === "f32";
  const flush = (x: number, tiny: number) => (f32 ? [...get(x), ...get(x), ...ABS, ...get(tiny), ...GE, ...AND, ...set(x)] : []);
  const body = [
    ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14].flatMap((p) => [...get(p), ...SPLAT, ...set(p + 11)]),
    0x02, 0x40, 0x03, 0x40,
    ...get(I), ...get(4), 0x4f, 0x0d, 1, // if i >= bytes: break
    ...addr(0), ...LOAD, ...set(26),
    ...addr(1), ...LOAD, ...get(16), ...get(26), ...MUL, ...ADD, ...set(27),
    ...flush(27, 24),
    ...addr(1), ...simd(0x0c), ...new Array<number>(16).fill(0), ...STORE,
    ...get(17), ...addr(2), ...LOAD, ...MUL, ...get(19), ...get(27), ...MUL, ...ADD, ...set(28),
    ...flush(28, 25),
    ...get(18), ...addr(3), ...LOAD, ...MUL, ...get(20), ...get(27), ...MUL, ...get(27), ...MUL, ...ADD, ...set(29),
    ...flush(29, 25),
    ...addr(2), ...get(28), ...STORE,
    ...addr(3), ...get(29), ...STORE,
    ...addr(0), ...get(26), ...get(21), ...get(28), ...MUL, ...get(29), ...SQRT, ...get(22), ...MUL, ...get(23), ...ADD, ...DIV, ...SUB, ...STORE,
    ...get(I), 0x41, 16, 0x6a, ...set(I),
    0x0c, 0, 0x0b, 0x0b, 0x0b,
  ];
  const func = [2, 1, 0x7f, 14, 0x7b, ...body];
  const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes];
  const name = (str: string) => [...leb(str.length), ...Array.from(str, (c) => c.charCodeAt(0))];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 15, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, ...new Array<number>(10).fill(op.scalar), 0]),
    ...section(2, [1, ...name("env"), ...name("mem"), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name("adam"), 0x00, 0]),
    ...section(10, [1, ...leb(func.length), ...func]),
  ]);
}

/** One fused update over elements [from, to) of the four arrays (see the module header). */
export type AdamKernel = (from: number, to: number, wd: number, b1: number, b2: number, c1: number, c2: number, stepSize: number, invSqrtBc2: number, eps: number) => void;

/** Parameter precision: f64 (exact double arithmetic) or f32 (as PyTorch trains by default). */
export type Precision = "f64" | "f32";

/** A parameter array of either precision. */
export type ParamArray = Float64Array | Float32Array;

/** Flush-to-zero thresholds of the f32 kernel (see assembleAdamModule). */
const G_TINY = 1e-16;
const MV_TINY = 1e-30;

/** The same update in plain JavaScript (the fallback, and the reference in tests). */
export function jsAdamKernel(th: Float64Array, gr: Float64Array, m: Float64Array, v: Float64Array): AdamKernel {
  return (from, to, wd, b1, b2, c1, c2, stepSize, isb, eps) => {
    for (let i = from; i < to; i++) {
      const t = th[i]!;
      const g = gr[i]! + wd * t;
      gr[i] = 0;
      const mi = b1 * m[i]! + c1 * g;
      const vi = b2 * v[i]! + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      th[i] = t - (stepSize * mi) / (Math.sqrt(vi) * isb + eps);
    }
  };
}

/**
 * The f32 update in plain JavaScript: every operation rounded to f32 with Math.fround, which gives
 * the correctly rounded f32 result of +, −, ×, ÷ and √ (a double holds more than 2·24 + 2 bits),
 * so it matches the f32 WebAssembly kernel bit for bit, flushes included.
 */
export function jsAdamKernel32(th: Float32Array, gr: Float32Array, m: Float32Array, v: Float32Array): AdamKernel {
  const f = Math.fround;
  return (from, to, wd0, b10, b20, c10, c20, step0, isb0, eps0) => {
    const [wd, b1, b2, c1, c2, step, isb, eps] = [wd0, b10, b20, c10, c20, step0, isb0, eps0].map(f) as [number, number, number, number, number, number, number, number];
    const gTiny = f(G_TINY);
    const mvTiny = f(MV_TINY);
    for (let i = from; i < to; i++) {
      const t = th[i]!;
      let g = f(gr[i]! + f(wd * t));
      if (!(Math.abs(g) >= gTiny)) g = 0;
      gr[i] = 0;
      let mi = f(f(b1 * m[i]!) + f(c1 * g));
      if (!(Math.abs(mi) >= mvTiny)) mi = 0;
      let vi = f(f(b2 * v[i]!) + f(f(c2 * g) * g));
      if (!(Math.abs(vi) >= mvTiny)) vi = 0;
      m[i] = mi;
      v[i] = vi;
      th[i] = f(t - f(f(step * mi) / f(f(f(Math.sqrt(vi)) * isb) + eps)));
    }
  };
}

const compiled: Partial<Record<Precision, object | null>> = {};
function adamModule(precision: Precision): object | null {
  if (compiled[precision] === undefined) {
    try {
      if (wasm === undefined) throw new Error("no WebAssembly");
      compiled[precision] = new wasm.Module(assembleAdamModule(precision));
    } catch {
      compiled[precision] = null; // no WebAssembly SIMD here: use the JavaScript kernel
    }
  }
  return compiled[precision] ?? null;
}

/** Four parameter arrays of `n` elements and the kernel that updates them. */
export interface AdamArrays {
  readonly theta: ParamArray;
  readonly grad: ParamArray;
  readonly m: ParamArray;
  readonly v: ParamArray;
  readonly kernel: AdamKernel;
  readonly simd: boolean;
}

/** Elements per SIMD vector: the kernels need `n` and every table start to be a multiple of it. */
export function lanes(precision: Precision): number {
  return precision === "f32" ? 4 : 2;
}

/**
 * Allocates the optimiser's arrays (in a private WebAssembly memory when SIMD is available, else
 * ordinary typed arrays) and returns them with the matching kernel. `n` must be a multiple of
 * `lanes(precision)`.
 */
export function allocateAdam(n: number, preferSimd = true, precision: Precision = "f64"): AdamArrays {
  const width = lanes(precision);
  if (n % width !== 0) throw new RangeError(`allocateAdam: element count must be a multiple of ${width} (got ${n})`);
  const Arr = precision === "f32" ? Float32Array : Float64Array;
  const mod = preferSimd ? adamModule(precision) : null;
  if (mod === null || wasm === undefined) {
    if (precision === "f32") {
      const [theta, grad, m, v] = [new Float32Array(n), new Float32Array(n), new Float32Array(n), new Float32Array(n)];
      return { theta, grad, m, v, kernel: jsAdamKernel32(theta, grad, m, v), simd: false };
    }
    const [theta, grad, m, v] = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    return { theta, grad, m, v, kernel: jsAdamKernel(theta, grad, m, v), simd: false };
  }
  const size = Arr.BYTES_PER_ELEMENT;
  const bytes = n * size;
  const mem = new wasm.Memory({ initial: Math.max(1, Math.ceil((4 * bytes) / 65536)) });
  const inst = new wasm.Instance(mod, { env: { mem } });
  const adam = inst.exports.adam as (th: number, gr: number, m: number, v: number, bytes: number, ...f: number[]) => void;
  const buf = mem.buffer;
  const theta = new Arr(buf, 0, n);
  const grad = new Arr(buf, bytes, n);
  const m = new Arr(buf, 2 * bytes, n);
  const v = new Arr(buf, 3 * bytes, n);
  const kernel: AdamKernel = (from, to, wd, b1, b2, c1, c2, stepSize, isb, eps) => {
    const o = from * size;
    adam(o, bytes + o, 2 * bytes + o, 3 * bytes + o, (to - from) * size, wd, b1, b2, c1, c2, stepSize, isb, eps, G_TINY, MV_TINY);
  };
  return { theta, grad, m, v, kernel, simd: true };
}
