/**
 * `tensor.uniform_(from, to)` / `torch.rand` on the CPU: ATen's `uniform_kernel`
 * (native/cpu/DistributionTemplates.h) with `uniform_real_distribution<scalar_t>` and
 * `transformation::uniform_real` (core/TransformationHelper.h).
 *
 * Per element: float64 takes a 64-bit draw and keeps its low 53 bits; every other float dtype
 * takes a 32-bit draw and keeps `digits` low bits (24 for float32, 11 for float16, 8 for
 * bfloat16); `x = bits * 2^-digits` and the result is `x * (to - from) + from`, where ATen's
 * AVX2 build fuses the multiply-add (one rounding; confirmed by the goldens).
 */
import { observedDraw } from './draw-observer.js';
import type { DType, DTypeName, HostArray } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from '../half.js';
import { checkOut, cppDouble, notImplemented } from './dtype-util.js';
import { fma32, fma64 } from './fma.js';
import { defaultGenerator, type Generator } from './generator.js';

const TWO_M24 = 2 ** -24;
const TWO_M53 = 2 ** -53;
const MAX_BY_DTYPE: Record<string, number> = {
  float32: 3.4028234663852886e38, float64: Number.MAX_VALUE, float16: 65504, bfloat16: 3.3895313892515355e38,
};


/** The fill behind `uniformFill` (not reported to the draw observer). */
function uniformFillImpl<T extends HostArray>(
  out: T, dtype: DType | DTypeName, from = 0, to = 1, gen: Generator = defaultGenerator,
): T {
  const d = checkOut(out, dtype);
  if (!d.is_floating_point) throw notImplemented('check_uniform_bounds', d);
  const max = MAX_BY_DTYPE[d.name]!;
  if (from < -max || from > max) throw new RuntimeError(`from is out of bounds for ${d.name === 'float32' ? 'float' : d.name}`);
  if (to < -max || to > max) throw new RuntimeError(`to is out of bounds for ${d.name === 'float32' ? 'float' : d.name}`);
  if (!(from <= to)) {
    throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${cppDouble(from)} > to=${cppDouble(to)}`);
  }
  if (to - from > max) {
    throw new RuntimeError(
      `uniform_ expects to-from <= std::numeric_limits<${d.name === 'float64' ? 'double' : 'float'}>::max(), but found to=${cppDouble(to)} and from=${cppDouble(from)} which result in to-from to exceed the limit`,
    );
  }
  const n = out.length;
  if (n === 0) return out;
  const eng = gen.engine;
  switch (d.name) {
    case 'float32': {
      const o = out as Float32Array;
      const f = Math.fround(from);
      const range = Math.fround(Math.fround(to) - f);
      if (f === 0 && range === 1) {
        for (let i = 0; i < n; i++) o[i] = (eng.next() & 0xffffff) * TWO_M24;
      } else {
        for (let i = 0; i < n; i++) o[i] = fma32((eng.next() & 0xffffff) * TWO_M24, range, f);
      }
      return out;
    }
    case 'float64': {
      const o = out as Float64Array;
      const range = to - from;
      const plain = from === 0 && range === 1;
      for (let i = 0; i < n; i++) {
        const hi = eng.next();
        const lo = eng.next();
        const x = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53;
        o[i] = plain ? x : fma64(x, range, from);
      }
      return out;
    }
    case 'float16':
    case 'bfloat16': {
      // from/to become c10::Half/BFloat16; `to - from` is a Half/BFloat16 subtraction (computed
      // in float, rounded back); x, the product and the sum are float (dist_acctype).
      const half = d.name === 'float16';
      const toBits = half ? floatToHalf : floatToBfloat16;
      const toFloat = half ? halfToFloat : bfloat16ToFloat;
      const mask = half ? 0x7ff : 0xff;
      const scale = half ? 2 ** -11 : 2 ** -8;
      const f = toFloat(toBits(from));
      const range = toFloat(toBits(Math.fround(toFloat(toBits(to)) - f)));
      const o = out as Uint16Array;
      for (let i = 0; i < n; i++) o[i] = toBits(fma32((eng.next() & mask) * scale, range, f));
      return out;
    }
    default:
      throw notImplemented('check_uniform_bounds', d);
  }
}

/**
 * Fills `out` (the canonical host array of `dtype`, in memory order) with `U[from, to)`
 * samples, consuming `gen` exactly as `tensor.uniform_(from, to, generator=gen)` does.
 *
 * Reported to the draw observer (draw-observer.ts) so a captured step can replay it.
 *
 * @param out - host array to overwrite
 * @param dtype - float32, float64, float16 or bfloat16
 * @param from - lower bound (inclusive)
 * @param to - upper bound (exclusive)
 * @param gen - generator (default: the process-wide one)
 * @returns `out`
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * const a = uniformFill(new Float32Array(3), 'float32', 0, 1, g);
 * // a = torch.rand(3) after torch.manual_seed(0): [0.49625658988952637, 0.7682217955589294, 0.08847743272781372]
 * ```
 */
export function uniformFill<T extends HostArray>(
  out: T, dtype: DType | DTypeName, from = 0, to = 1, gen: Generator = defaultGenerator,
): T {
  return observedDraw(() => ({ fill: 'uniform', dtype, args: [from, to], gen }), out, (o) => uniformFillImpl(o, dtype, from, to, gen));
}
