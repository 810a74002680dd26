/**
 * The mask `F.dropout(x, p, training=True)` multiplies by on the CPU in PyTorch 1.13
 * (native/Dropout.cpp, `_dropout<false>`): the fused `native_dropout` is only taken for
 * CUDA/XPU/lazy tensors, so the CPU builds `noise = empty_like(x).bernoulli_(1 - p)` (the
 * scalar Bernoulli kernel, in x's dtype), then `noise.div_(1 - p)` and returns `x * noise`.
 * `p == 0` (or eval mode) returns x untouched and `p == 1` multiplies by zero; neither draws.
 */
import { observedDraw } from './draw-observer.js';
import type { DType, DTypeName, HostArray } from '../dtype.js';
import { ValueError } from '../errors.js';
import { floatToBfloat16, floatToHalf } from '../half.js';
import { bernoulliFill } from './bernoulli.js';
import { checkOut } from './dtype-util.js';
import { defaultGenerator, type Generator } from './generator.js';

/** The fill behind `dropoutMask` (not reported to the draw observer). */
function dropoutMaskImpl<T extends HostArray>(
  out: T, dtype: DType | DTypeName, p: number, gen: Generator = defaultGenerator,
): T {
  const d = checkOut(out, dtype);
  if (!(p >= 0 && p <= 1)) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  const n = out.length;
  if (p === 0 || n === 0) {
    // The input is returned as is: a mask of ones.
    return bernoulliOnes(out, d.name);
  }
  if (p === 1) {
    out.fill(0);
    return out;
  }
  const q = 1 - p;
  bernoulliFill(out, d, q, gen);
  // div_ by a Python scalar: the scalar becomes the op's compute type (float for float32 and the
  // 16-bit floats, double for float64) and the quotient is rounded to the dtype.
  let scaled: number;
  switch (d.name) {
    case 'float64': scaled = 1 / q; break;
    case 'float16': scaled = floatToHalf(Math.fround(1 / Math.fround(q))); break;
    case 'bfloat16': scaled = floatToBfloat16(Math.fround(1 / Math.fround(q))); break;
    default: scaled = Math.fround(1 / Math.fround(q));
  }
  const zero = 0;
  for (let i = 0; i < n; i++) out[i] = out[i] === zero ? zero : scaled;
  return out;
}

/**
 * Writes into `out` the dropout mask values (0 or `1 / (1 - p)` in `dtype`), consuming `gen`
 * exactly as `F.dropout(x, p, training=True)` does for an `x` with `out.length` elements.
 * The dropout result is then `x * mask` element-wise (in x's dtype).
 *
 * Reported to the draw observer (draw-observer.ts) so a captured step can replay it.
 *
 * @param out - canonical host array of a float dtype
 * @param dtype - the input's dtype
 * @param p - drop probability in [0, 1]
 * @param gen - generator (default: the process-wide one)
 * @returns `out`
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * dropoutMask(new Float32Array(8), 'float32', 0.5, g); // entries are 0 or 2
 * ```
 */
export function dropoutMask<T extends HostArray>(
  out: T, dtype: DType | DTypeName, p: number, gen: Generator = defaultGenerator,
): T {
  return observedDraw(() => ({ fill: 'dropout', dtype, args: [p], gen }), out, (o) => dropoutMaskImpl(o, dtype, p, gen));
}

function bernoulliOnes<T extends HostArray>(out: T, name: DTypeName): T {
  out.fill(name === 'float16' ? floatToHalf(1) : name === 'bfloat16' ? floatToBfloat16(1) : 1);
  return out;
}
