/**
 * `tensor.normal_(mean, std)` / `torch.randn` on the CPU: ATen's `normal_kernel`
 * (native/cpu/DistributionTemplates.h). Three paths, chosen as ATen chooses them:
 *
 * 1. float32, 16+ elements, contiguous: `normal_fill_AVX2` on AVX2 CPUs (Debian's and the PyPI
 *    builds on any AVX2 machine): all uniforms first, then Box-Muller on 16-element chunks with
 *    the `avx_mathfun.h` polynomials; when the size is not a multiple of 16 the last 16 slots
 *    are refilled with fresh uniforms and transformed again.
 * 2. other float dtypes, 16+ elements, contiguous: the same chunking with `normal_fill_16` and
 *    libm's log/cos/sin.
 * 3. otherwise (fewer than 16 elements or a non-contiguous view): one
 *    `normal_distribution<double>` per element, which returns the cached second Box-Muller sample
 *    (`next_double_normal_sample`) when there is one.
 *
 * Exactness: path 1 is bit-exact (float32 arithmetic ported step by step). Paths 2 and 3 call
 * glibc's double `log`/`sin`/`cos`, which are not correctly rounded and differ from V8's
 * `Math.log`/`Math.sin`/`Math.cos` in the last bit for a few percent of arguments: float32 results
 * of path 3 still match (the difference vanishes in the rounding to float32), float64 results and
 * the cached double sample may differ by 1 ulp.
 */
import { observedDraw } from './draw-observer.js';
import type { DType, DTypeName, HostArray } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from '../half.js';
import { log256, sincos256, sincosOut } from './avx-mathfun.js';
import { checkOut, cppDouble, notImplemented, storeCast } from './dtype-util.js';
import { fma32, fma64 } from './fma.js';
import { defaultGenerator, type Generator } from './generator.js';

const fr = Math.fround;
const TWO_M24 = 2 ** -24;
const TWO_M53 = 2 ** -53;
const TWO_PI_F = fr(2 * Math.PI);

/** Options of {@link normalFill}. */
export interface NormalFillOptions {
  /**
   * Whether the tensor being filled is contiguous (default true). A non-contiguous view always
   * takes the per-element path; pass its elements in memory order (TensorIterator's order).
   */
  contiguous?: boolean;
  /**
   * The ATen CPU capability to emulate for float32 (default `'avx2'`). `'default'` (no AVX2, or
   * the AVX512 kernels, which do not define CPU_CAPABILITY_AVX2) uses scalar `normal_fill_16`
   * with float libm calls; that variant is emulated with correctly rounded float math and is
   * not verified against goldens.
   */
  cpuCapability?: 'avx2' | 'default';
}

/** One `normal_distribution<double>(mean, std)` draw, using and refilling the cache. */
export function normalDouble(gen: Generator, mean: number, std: number): number {
  const cached = gen.next_double_normal_sample;
  if (cached !== null) {
    gen.next_double_normal_sample = null;
    return fma64(cached, std, mean);
  }
  const eng = gen.engine;
  let hi = eng.next();
  let lo = eng.next();
  const u1 = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53;
  hi = eng.next();
  lo = eng.next();
  const u2 = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53;
  const r = Math.sqrt(-2.0 * Math.log(1.0 - u2));
  const theta = 2.0 * Math.PI * u1;
  gen.next_double_normal_sample = r * Math.sin(theta);
  return fma64(r * Math.cos(theta), std, mean);
}

/** Fills `u` (float32) with `uniform_real_distribution<float>(0, 1)` draws. */
function uniforms32(u: Float32Array, start: number, end: number, gen: Generator): void {
  const eng = gen.engine;
  for (let i = start; i < end; i++) u[i] = (eng.next() & 0xffffff) * TWO_M24;
}

/** `normal_fill_16_AVX2` on `data[k..k+16)`. */
function fill16Avx2(data: Float32Array, k: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = fr(1 - data[k + j]!);
    const u2 = data[k + j + 8]!;
    const radius = fr(Math.sqrt(fr(-2 * log256(u1))));
    sincos256(fr(TWO_PI_F * u2));
    data[k + j] = fma32(fr(radius * sincosOut[1]!), std, mean);
    data[k + j + 8] = fma32(fr(radius * sincosOut[0]!), std, mean);
  }
}

/** `normal_fill_16<float>` (non-AVX2 capability) on `data[k..k+16)`. */
function fill16Float(data: Float32Array, k: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = fr(1 - data[k + j]!);
    const u2 = data[k + j + 8]!;
    const radius = fr(Math.sqrt(fr(-2 * fr(Math.log(u1)))));
    const theta = fr(2.0 * Math.PI * u2);
    data[k + j] = fma32(fr(radius * fr(Math.cos(theta))), std, mean);
    data[k + j + 8] = fma32(fr(radius * fr(Math.sin(theta))), std, mean);
  }
}

/** `normal_fill_16<double>` on `data[k..k+16)`. */
function fill16Double(data: Float64Array, k: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - data[k + j]!;
    const u2 = data[k + j + 8]!;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = 2.0 * Math.PI * u2;
    data[k + j] = fma64(radius * Math.cos(theta), std, mean);
    data[k + j + 8] = fma64(radius * Math.sin(theta), std, mean);
  }
}

/**
 * `normal_fill_16<c10::Half>` on `data[k..k+16)` (raw bits). In 1.13 `std::log(Half)` etc.
 * resolve to the float overloads, so the math is float with a rounding at each assignment to a
 * Half local, and the final `* std + mean` is a fused float multiply-add.
 */
function fill16Half(data: Uint16Array, k: number, mean: number, std: number): void {
  const toBits = floatToHalf;
  const toF = halfToFloat;
  const rd = (v: number): number => toF(toBits(v));
  for (let j = 0; j < 8; j++) {
    const u1 = rd(1 - toF(data[k + j]!));
    const u2 = toF(data[k + j + 8]!);
    const radius = rd(fr(Math.sqrt(fr(-2 * fr(Math.log(u1))))));
    const theta = rd(fr(2.0 * Math.PI * u2));
    data[k + j] = toBits(fma32(fr(radius * fr(Math.cos(theta))), std, mean));
    data[k + j + 8] = toBits(fma32(fr(radius * fr(Math.sin(theta))), std, mean));
  }
}

/**
 * `normal_fill_16<c10::BFloat16>` on `data[k..k+16)` (raw bits). c10/util/BFloat16-math.h gives
 * BFloat16 overloads of log/sqrt/cos/sin that return BFloat16, and BFloat16 arithmetic operators
 * return BFloat16, so every intermediate is rounded to bfloat16.
 */
function fill16Bfloat16(data: Uint16Array, k: number, mean: number, std: number): void {
  const rd = (v: number): number => bfloat16ToFloat(floatToBfloat16(v));
  for (let j = 0; j < 8; j++) {
    const u1 = rd(1 - bfloat16ToFloat(data[k + j]!));
    const u2 = bfloat16ToFloat(data[k + j + 8]!);
    const radius = rd(Math.sqrt(rd(-2 * rd(Math.log(u1)))));
    const theta = rd(fr(2.0 * Math.PI * u2));
    data[k + j] = floatToBfloat16(rd(rd(radius * rd(Math.cos(theta))) * std) + mean);
    data[k + j + 8] = floatToBfloat16(rd(rd(radius * rd(Math.sin(theta))) * std) + mean);
  }
}

/** The fill behind `normalFill` (not reported to the draw observer). */
function normalFillImpl<T extends HostArray>(
  out: T, dtype: DType | DTypeName, mean = 0, std = 1, gen: Generator = defaultGenerator,
  options: NormalFillOptions = {},
): T {
  const d = checkOut(out, dtype);
  if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${cppDouble(std)}`);
  if (!d.is_floating_point) throw notImplemented('normal_kernel_cpu', d);
  const n = out.length;
  if (n === 0) return out;
  const contiguous = options.contiguous ?? true;
  if (n < 16 || !contiguous) {
    for (let i = 0; i < n; i++) storeCast(out, d, i, normalDouble(gen, mean, std));
    return out;
  }
  // Vectorised paths: uniforms for every element, Box-Muller per 16-chunk, redo the tail.
  switch (d.name) {
    case 'float32': {
      const o = out as Float32Array;
      const m = fr(mean), s = fr(std);
      const fill16 = (options.cpuCapability ?? 'avx2') === 'avx2' ? fill16Avx2 : fill16Float;
      uniforms32(o, 0, n, gen);
      for (let i = 0; i < n - 15; i += 16) fill16(o, i, m, s);
      if (n % 16 !== 0) {
        uniforms32(o, n - 16, n, gen);
        fill16(o, n - 16, m, s);
      }
      return out;
    }
    case 'float64': {
      const o = out as Float64Array;
      const eng = gen.engine;
      const draw = (a: number, b: number): void => {
        for (let i = a; i < b; i++) {
          const hi = eng.next();
          const lo = eng.next();
          o[i] = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53;
        }
      };
      draw(0, n);
      for (let i = 0; i < n - 15; i += 16) fill16Double(o, i, mean, std);
      if (n % 16 !== 0) {
        draw(n - 16, n);
        fill16Double(o, n - 16, mean, std);
      }
      return out;
    }
    case 'float16':
    case 'bfloat16': {
      const half = d.name === 'float16';
      const o = out as Uint16Array;
      const toBits = half ? floatToHalf : floatToBfloat16;
      const toF = half ? halfToFloat : bfloat16ToFloat;
      const mask = half ? 0x7ff : 0xff;
      const scale = half ? 2 ** -11 : 2 ** -8;
      const m = toF(toBits(mean)), s = toF(toBits(std));
      const eng = gen.engine;
      const draw = (a: number, b: number): void => {
        for (let i = a; i < b; i++) o[i] = toBits((eng.next() & mask) * scale);
      };
      draw(0, n);
      const fill16 = half ? fill16Half : fill16Bfloat16;
      for (let i = 0; i < n - 15; i += 16) fill16(o, i, m, s);
      if (n % 16 !== 0) {
        draw(n - 16, n);
        fill16(o, n - 16, m, s);
      }
      return out;
    }
    default:
      throw notImplemented('normal_kernel_cpu', d);
  }
}

/**
 * Fills `out` (the canonical host array of a float dtype) with `N(mean, std^2)` samples,
 * consuming `gen` exactly as `tensor.normal_(mean, std, generator=gen)` does.
 *
 * Reported to the draw observer (draw-observer.ts) so a captured step can replay it.
 *
 * @param out - host array to overwrite
 * @param dtype - float32, float64, float16 or bfloat16
 * @param mean - mean
 * @param std - standard deviation, >= 0
 * @param gen - generator (default: the process-wide one)
 * @param options - contiguity and CPU capability, see {@link NormalFillOptions}
 * @returns `out`
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * normalFill(new Float32Array(3), 'float32', 0, 1, g);
 * // torch.randn(3) after torch.manual_seed(0): [1.5409960746765137, -0.293428897857666, -2.1787893772125244]
 * ```
 */
export function normalFill<T extends HostArray>(
  out: T, dtype: DType | DTypeName, mean = 0, std = 1, gen: Generator = defaultGenerator,
  options: NormalFillOptions = {},
): T {
  return observedDraw(() => ({ fill: 'normal', dtype, args: [mean, std, options.contiguous ?? true], gen }), out, (o) => normalFillImpl(o, dtype, mean, std, gen, options));
}
