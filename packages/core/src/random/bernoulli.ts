/**
 * `tensor.bernoulli_(p)` and `torch.bernoulli(probs)` on the CPU.
 *
 * Scalar `p`: Debian's python3-torch is built without MKL (`torch.backends.mkl.is_available()`
 * is False), so `bernoulli_scalar_kernel` is ATen's default template kernel: one
 * `bernoulli_distribution<double>(p)` per element, i.e. a 64-bit draw turned into a 53-bit
 * uniform `u` and the element is `u < p`. The MKL build (the PyPI wheels) instead takes a single
 * 32-bit draw as a seed for an MKL VSL_BRNG_MCG31 stream and samples with `viRngBernoulli`, so
 * its masks differ from these and it advances the generator by one draw per call, not per element.
 *
 * Tensor `probs`: `bernoulli_tensor_kernel` (no MKL variant): float64 probabilities use the
 * double distribution (64-bit draw, 53-bit uniform); float32/bfloat16 probabilities use
 * `bernoulli_distribution<float>` (32-bit draw, 24-bit uniform compared in float).
 */
import { observedDraw } from './draw-observer.js';
import { DType, type DTypeName, type HostArray, toDType } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { bfloat16ToFloat } from '../half.js';
import { checkOut, cppDouble, notImplemented, oneOf } from './dtype-util.js';
import { defaultGenerator, type Generator } from './generator.js';

const TWO_M24 = 2 ** -24;
const TWO_M53 = 2 ** -53;

/** Per-element probabilities for {@link bernoulliFill}: host data of a float dtype. */
export interface BernoulliProbs {
  /** Probabilities in memory order, one per output element (already broadcast). */
  data: HostArray;
  /** Their dtype: float64, float32 or bfloat16 (float16 is rejected, as in ATen). */
  dtype: DType | DTypeName;
}

/** The fill behind `bernoulliFill` (not reported to the draw observer). */
function bernoulliFillImpl<T extends HostArray>(
  out: T, dtype: DType | DTypeName, p: number | BernoulliProbs, gen: Generator = defaultGenerator,
): T {
  const d = checkOut(out, dtype);
  const one = oneOf(d);
  const eng = gen.engine;
  const n = out.length;
  if (typeof p === 'number') {
    if (!(p >= 0 && p <= 1)) throw new RuntimeError(`bernoulli_ expects p to be in [0, 1], but got p=${cppDouble(p)}`);
    if (d.name === 'float16') throw notImplemented('bernoulli_scalar_cpu_', d);
    for (let i = 0; i < n; i++) {
      const hi = eng.next();
      const lo = eng.next();
      out[i] = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53 < p ? one : 0;
    }
    return out;
  }
  if (d.name === 'float16') throw notImplemented('bernoulli_tensor_cpu_self_', d);
  const pd = toDType(p.dtype);
  const probs = p.data;
  checkOut(probs, pd);
  if (probs.length !== n) {
    throw new RuntimeError(`bernoulli: ${probs.length} probabilities for ${n} elements; expand them to the output shape first`);
  }
  if (pd.name !== 'float64' && pd.name !== 'float32' && pd.name !== 'bfloat16') {
    throw notImplemented('bernoulli_tensor_cpu_p_', pd);
  }
  const bad = (): RuntimeError => new RuntimeError(
    'Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)',
  );
  for (let i = 0; i < n; i++) {
    if (pd.name === 'float64') {
      const pv = probs[i]!;
      if (!(pv >= 0 && pv <= 1)) throw bad();
      const hi = eng.next();
      const lo = eng.next();
      out[i] = ((hi & 0x1fffff) * 4294967296 + lo) * TWO_M53 < pv ? one : 0;
    } else {
      const pv = pd.name === 'bfloat16' ? bfloat16ToFloat(probs[i]!) : probs[i]!;
      if (!(pv >= 0 && pv <= 1)) throw bad();
      out[i] = (eng.next() & 0xffffff) * TWO_M24 < pv ? one : 0;
    }
  }
  return out;
}

/**
 * Fills `out` with 0/1 Bernoulli samples, consuming `gen` as `out.bernoulli_(p)` does (scalar
 * `p`) or as `out.bernoulli_(probs)` / `torch.bernoulli(probs)` does (per-element `probs`).
 *
 * Reported to the draw observer (draw-observer.ts) so a captured step can replay it.
 *
 * @param out - canonical host array of `dtype` (any dtype but float16)
 * @param dtype - the output dtype
 * @param p - probability in [0, 1], or per-element probabilities
 * @param gen - generator (default: the process-wide one)
 * @returns `out`
 * @example
 * ```ts
 * const g = new Generator().manual_seed(0);
 * bernoulliFill(new Float32Array(4), 'float32', 0.5, g);
 * ```
 */
export function bernoulliFill<T extends HostArray>(
  out: T, dtype: DType | DTypeName, p: number | BernoulliProbs, gen: Generator = defaultGenerator,
): T {
  return observedDraw(() => ({ fill: 'bernoulli', dtype, args: [typeof p === 'number' ? p : 'tensor'], gen }), out, (o) => bernoulliFillImpl(o, dtype, p, gen), typeof p === 'number');
}
