/**
 * Scalar, bit-exact ports of `log256_ps` and `sincos256_ps` from ATen's
 * aten/src/ATen/native/cpu/avx_mathfun.h (Giovanni Garberoglio's AVX port of Julien Pommier's
 * sse_mathfun, zlib licence), which `torch.randn` uses for float32 tensors of 16+ elements on
 * AVX2 CPUs. Every step is one float32 operation, in the same order as the intrinsics.
 *
 * GCC implements `_mm256_mul_ps`/`_mm256_add_ps` as plain vector `*`/`+`, and the AVX2 kernels are
 * built with `-mfma` under GCC's default `-ffp-contract=fast`, so a multiply feeding an add is
 * emitted as one fused multiply-add where the compiler could contract it: `madd` marks those
 * places (the contraction pattern was confirmed against PyTorch 1.13 output, see normal.test.ts).
 */
import { fma32 } from './fma.js';

const fr = Math.fround;
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

const SQRTHF = fr(0.707106781186547524);
const LOG_P0 = fr(7.0376836292e-2);
const LOG_P1 = fr(-1.1514610310e-1);
const LOG_P2 = fr(1.1676998740e-1);
const LOG_P3 = fr(-1.2420140846e-1);
const LOG_P4 = fr(1.4249322787e-1);
const LOG_P5 = fr(-1.6668057665e-1);
const LOG_P6 = fr(2.0000714765e-1);
const LOG_P7 = fr(-2.4999993993e-1);
const LOG_P8 = fr(3.3333331174e-1);
const LOG_Q1 = fr(-2.12194440e-4);
const LOG_Q2 = fr(0.693359375);

// Every multiply whose only use is an add is fused, as GCC's widening_mul pass does (walking
// statements in order, so of `a * b + c * d` only the first product is fused). Without the
// fusion 1% of 160k samples differ from PyTorch; with it none do.
const madd = fma32;

/** `log256_ps` for one lane; `x` must be a float32 value. */
export function log256(x: number): number {
  const invalid = x <= 0;
  if (x < 1.1754943508222875e-38) x = 1.1754943508222875e-38; // max(x, min_norm_pos)
  f32[0] = x;
  let bits = i32[0]!;
  let e = fr((bits >>> 23) - 0x7f);
  bits = (bits & ~0x7f800000) | 0x3f000000; // keep mantissa, exponent of 0.5
  i32[0] = bits;
  let m = f32[0]!;
  e = fr(e + 1);
  const lt = m < SQRTHF;
  const tmp = lt ? m : 0;
  m = fr(m - 1);
  e = fr(e - (lt ? 1 : 0));
  m = fr(m + tmp);
  const z = fr(m * m);
  let y = LOG_P0;
  y = madd(y, m, LOG_P1);
  y = madd(y, m, LOG_P2);
  y = madd(y, m, LOG_P3);
  y = madd(y, m, LOG_P4);
  y = madd(y, m, LOG_P5);
  y = madd(y, m, LOG_P6);
  y = madd(y, m, LOG_P7);
  y = madd(y, m, LOG_P8);
  y = fr(y * m);
  // y * z feeds the add of e * q1: GCC fuses the earlier multiply, the later one is rounded.
  y = madd(y, z, fr(e * LOG_Q1));
  y = madd(-z, 0.5, y);
  m = fr(m + y);
  m = madd(e, LOG_Q2, m);
  return invalid ? NaN : m;
}

const DP1 = fr(-0.78515625);
const DP2 = fr(-2.4187564849853515625e-4);
const DP3 = fr(-3.77489497744594108e-8);
const SIN_P0 = fr(-1.9515295891e-4);
const SIN_P1 = fr(8.3321608736e-3);
const SIN_P2 = fr(-1.6666654611e-1);
const COS_P0 = fr(2.443315711809948e-5);
const COS_P1 = fr(-1.388731625493765e-3);
const COS_P2 = fr(4.166664568298827e-2);
const FOPI = fr(1.27323954473516);

/** Output slots of `sincos256`: [sin, cos]. */
export const sincosOut = new Float64Array(2);

/** `sincos256_ps` for one lane; writes sin and cos of float32 `x` into `sincosOut`. */
export function sincos256(x: number): void {
  const negative = x < 0 || Object.is(x, -0);
  let ax = Math.abs(x);
  let y = fr(ax * FOPI);
  let j = Math.trunc(y) | 0; // cvttps (inputs here are far below 2^31)
  j = (j + 1) & ~1;
  y = j; // exact: small integer
  const swapSin = (j & 4) !== 0;
  const polyMask = (j & 2) === 0;
  ax = madd(y, DP1, ax);
  ax = madd(y, DP2, ax);
  ax = madd(y, DP3, ax);
  const cosNeg = ((~(j - 2)) & 4) !== 0;
  const sinNeg = negative !== swapSin;
  const z = fr(ax * ax);
  let yc = COS_P0;
  yc = madd(yc, z, COS_P1);
  yc = madd(yc, z, COS_P2);
  yc = fr(yc * z);
  // (yc * z) - z * 0.5: the first multiply is fused into the subtraction (z * 0.5 is exact).
  yc = madd(yc, z, -fr(z * 0.5));
  yc = fr(yc + 1);
  let ys = SIN_P0;
  ys = madd(ys, z, SIN_P1);
  ys = madd(ys, z, SIN_P2);
  ys = fr(ys * z);
  ys = madd(ys, ax, ax);
  // poly_mask picks the sine polynomial for sin (and cosine polynomial for cos) when set.
  let s = polyMask ? ys : yc;
  let c = polyMask ? yc : ys;
  // xor with a sign bit flips the sign (also of zero).
  if (sinNeg) s = -s;
  if (cosNeg) c = -c;
  sincosOut[0] = s;
  sincosOut[1] = c;
}
