/**
 * `torch.randint(low, high)` / `tensor.random_(from, to)` on the CPU: ATen's
 * `random_from_to_kernel` with `uniform_int_from_to_distribution` (core/DistributionsHelper.h).
 *
 * Per element: `(draw % range) + low` where `range = high - low`; the draw is 64-bit
 * (`random64`, high word first) when the dtype is int64/float64/float32/bfloat16 and
 * `range >= 2^32`, else 32-bit. For float dtypes ATen first narrows `low`/`high` to values the
 * dtype can represent (`update_from`/`update_to`).
 */
import { observedDraw } from './draw-observer.js';
import type { DType, DTypeName, HostArray } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from '../half.js';
import { checkOut, storeCast } from './dtype-util.js';
import { defaultGenerator, type Generator } from './generator.js';

const TWO32 = 4294967296;
const DIGITS: Record<string, number> = { float32: 24, float64: 53, float16: 11, bfloat16: 8 };
/** The C++ type names ATen prints in its bounds errors. */
const CPP_NAMES: Record<string, string> = {
  int8: 'signed char', uint8: 'unsigned char', int16: 'short int', int32: 'int', int64: 'long int', bool: 'bool',
};
const INT_BOUNDS: Record<string, [number, number]> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], int32: [-2147483648, 2147483647],
  int64: [-(2 ** 63), 2 ** 63 - 1], bool: [0, 1],
};

/** `static_cast<int64_t>(static_cast<scalar_t>(v))` for a float dtype. */
function roundTrip(v: number, d: DType): number {
  switch (d.name) {
    case 'float64': return Math.trunc(v);
    case 'float16': return Math.trunc(halfToFloat(floatToHalf(v)));
    case 'bfloat16': return Math.trunc(bfloat16ToFloat(floatToBfloat16(v)));
    default: return Math.trunc(Math.fround(v));
  }
}

/** floor(log2(|v|)) for a positive integer (the `while (v >>= 1) ++n` loop). */
function ilog2(v: number): number {
  let n = 0;
  while (v >= 2) {
    v = Math.floor(v / 2);
    n++;
  }
  return n;
}

/** ATen's `update_from<scalar_t>`. */
function updateFrom(from: number, d: DType): number {
  const fromPlus1 = roundTrip(from + 1, d);
  if (fromPlus1 < from) return fromPlus1 + 2 ** (ilog2(Math.abs(from + 1)) - DIGITS[d.name]! + 1);
  return from;
}

/** ATen's `update_to<scalar_t>`. */
function updateTo(to: number, d: DType): number {
  const toMinus1 = roundTrip(to - 1, d);
  if (toMinus1 >= to) return toMinus1 - 2 ** (ilog2(Math.abs(to - 1)) - DIGITS[d.name]! + 1);
  return to;
}

/** The fill behind `randomFromToFill` (not reported to the draw observer). */
function randomFromToFillImpl<T extends HostArray>(
  out: T, dtype: DType | DTypeName, low: number, high: number, gen: Generator = defaultGenerator,
): T {
  const d = checkOut(out, dtype);
  if (!Number.isInteger(low) || !Number.isInteger(high)) {
    throw new TypeError(`randint bounds must be integers, got low=${low} and high=${high}`);
  }
  if (!(low < high)) {
    throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${low} >= to=${high}`);
  }
  let from = low;
  let to = high;
  if (d.is_floating_point) {
    from = updateFrom(from, d);
    to = updateTo(to, d);
    if (!(from < to)) {
      throw new RuntimeError(`random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, but got from=${from} >= to=${to}`);
    }
  } else {
    const [lo, hi] = INT_BOUNDS[d.name]!;
    if (from < lo || from > hi) throw new RuntimeError(`from is out of bounds for ${CPP_NAMES[d.name]}`);
    if (to - 1 < lo || to - 1 > hi) throw new RuntimeError(`to - 1 is out of bounds for ${CPP_NAMES[d.name]}`);
  }
  const range = to - from;
  if (range > 2 ** 53 || !Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
    throw new RangeError(`randomFromToFill supports bounds and ranges up to 2^53, got from=${from}, to=${to}`);
  }
  const eng = gen.engine;
  const n = out.length;
  const wide = range >= TWO32 && (d.name === 'int64' || d.name === 'float64' || d.name === 'float32' || d.name === 'bfloat16');
  const direct = d.name === 'int64' || d.name === 'float64' || d.name === 'int32' || d.name === 'int16' ||
    d.name === 'int8' || d.name === 'uint8' || d.name === 'float32';
  for (let i = 0; i < n; i++) {
    let r: number;
    if (wide) {
      // (hi * 2^32 + lo) mod range, exactly, without leaving the 2^53 integer range.
      let a = eng.next() % range;
      for (let k = 0; k < 32; k++) {
        a *= 2;
        if (a >= range) a -= range;
      }
      const lo = eng.next();
      r = a >= range - lo ? a - (range - lo) : a + lo;
    } else {
      r = eng.next() % range;
    }
    const v = r + from;
    if (direct) out[i] = v; // typed-array stores round (float32) or wrap (ints) like static_cast
    else storeCast(out, d, i, v);
  }
  return out;
}

/**
 * Fills `out` with integers uniform in `[low, high)`, consuming `gen` exactly as
 * `torch.randint(low, high, size, dtype=dtype, generator=gen)` does. Bounds must be integers
 * with `high - low <= 2^53` (values beyond 2^53 cannot live in the int64 host array).
 *
 * Reported to the draw observer (draw-observer.ts) so a captured step can replay it.
 *
 * @param out - canonical host array of `dtype`, filled in memory order
 * @param dtype - any dtype (floats receive integer values)
 * @param low - inclusive lower bound
 * @param high - exclusive upper bound
 * @param gen - generator (default: the process-wide one)
 * @returns `out`
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * randomFromToFill(new Float64Array(5), 'int64', 0, 10, g); // torch.randint(0, 10, (5,)): [4, 9, 3, 0, 3]
 * ```
 */
export function randomFromToFill<T extends HostArray>(
  out: T, dtype: DType | DTypeName, low: number, high: number, gen: Generator = defaultGenerator,
): T {
  return observedDraw(() => ({ fill: 'randint', dtype, args: [low, high], gen }), out, (o) => randomFromToFillImpl(o, dtype, low, high, gen));
}
