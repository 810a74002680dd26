/**
 * `erfinv` as ATen's `calc_erfinv` (c10/util/math_compat / ATen/native/Math.h): a rational
 * initial guess refined by two Newton steps, evaluated in the tensor's precision. For float32 the
 * polynomial steps `a * z + b` are rounded once (the compiler contracts them into FMAs in
 * PyTorch's AVX2 build); this reproduces PyTorch's values exactly for ~95% of inputs and within
 * 1-2 ulp for the rest (libm's erff/expf/logf differ from rounded float64 results there).
 */
import { erf } from '@nncompat/core';

const A = [0.886226899, -1.645349621, 0.914624893, -0.140543331];
const B = [-2.118377725, 1.442710462, -0.329097515, 0.012229801];
const C = [-1.970840454, -1.624906493, 3.429567803, 1.641345311];
const D = [3.5438892, 1.6370678];

/**
 * Inverse error function of `y` in float64 (`f32 = false`) or float32 arithmetic.
 *
 * @example
 * erfinv(0.5, true); // 0.47693628
 */
export function erfinv(y: number, f32: boolean): number {
  const r = f32 ? Math.fround : (v: number): number => v;
  const a = A.map(r);
  const b = B.map(r);
  const c = C.map(r);
  const d = D.map(r);
  const ya = Math.abs(y);
  if (ya > 1) return NaN;
  if (ya === 1) return y > 0 ? Infinity : -Infinity;
  let x: number;
  if (ya <= r(0.7)) {
    const z = r(y * y);
    const num = r(r(r(a[3]! * z + a[2]!) * z + a[1]!) * z + a[0]!);
    const dem = r(r(r(r(b[3]! * z + b[2]!) * z + b[1]!) * z + b[0]!) * z + 1);
    x = r(r(y * num) / dem);
  } else {
    const z = r(Math.sqrt(r(-r(Math.log(r(r(1 - ya) / 2))))));
    const num = r(r(r(c[3]! * z + c[2]!) * z + c[1]!) * z + c[0]!);
    const dem = r(r(d[1]! * z + d[0]!) * z + 1);
    x = r((y < 0 ? -num : num) / dem);
  }
  const k = r(2 / r(Math.sqrt(Math.PI)));
  for (let i = 0; i < 2; i++) {
    x = r(x - r(r(r(erf(x)) - y) / r(k * r(Math.exp(r(-r(x * x)))))));
  }
  return x;
}
