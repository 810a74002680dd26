/**
 * Small helpers shared by the reference backend's heavy kernels (matmul, convolution, pooling,
 * softmax, indexing, arg-reductions): argument access and result conversion.
 */
import type { KernelArgs, KernelResult, TensorInfo } from '../../../backend/types.js';
import type { DType, HostArray } from '../../../dtype.js';
import { RuntimeError } from '../../../errors.js';
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from '../../../half.js';
import { numelOf } from '../../../shape.js';
import { computeArray, finish, gatherDense, isDense, viewOffsets, type NumArray } from '../strided.js';

/** The named tensor input of a kernel call; a missing one is a contract violation by core. */
export function input(args: KernelArgs<HostArray>, name: string): TensorInfo<HostArray> {
  const t = args.inputs[name];
  if (t === null || t === undefined || Array.isArray(t)) {
    throw new RuntimeError(`reference kernel: input '${name}' must be a tensor`);
  }
  return t as TensorInfo<HostArray>;
}

/** The named optional tensor input (`null` or absent means "not given"). */
export function optionalInput(args: KernelArgs<HostArray>, name: string): TensorInfo<HostArray> | null {
  const t = args.inputs[name];
  return t === null || t === undefined ? null : input(args, name);
}

/** Converts float64 accumulators into the result buffer of `dtype` (rounding to the dtype once). */
export function fromFloat64(dtype: DType, acc: Float64Array, shape: readonly number[]): KernelResult<HostArray> {
  if (dtype.name === 'float64' || dtype.name === 'int64') return finish(dtype, acc, shape);
  const out = computeArray(dtype, acc.length);
  if (dtype.name === 'bool') {
    for (let i = 0; i < acc.length; i++) out[i] = acc[i] !== 0 ? 1 : 0;
  } else {
    out.set(acc);
  }
  return finish(dtype, out, shape);
}

/**
 * Splits a shape around `axis` into (outer, size, inner): a dense buffer is then indexed as
 * `(o * size + i) * inner + r`.
 */
export function splitAxis(shape: readonly number[], axis: number): [number, number, number] {
  let outer = 1;
  let inner = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  return [outer, shape.length === 0 ? 1 : shape[axis]!, inner];
}

/** A NumArray of the same element type as `like`, `n` long (for results computed in the input's own array type). */
export function sameKind(like: NumArray, n: number): NumArray {
  return new (like.constructor as new (n: number) => NumArray)(n);
}

/**
 * Rounds a number to the precision of a float dtype's storage (identity for float64 and
 * integers), for kernels that mirror ATen's accumulation in `scalar_t`.
 */
export function storageRounder(dtype: DType): (v: number) => number {
  switch (dtype.name) {
    case 'float32': return Math.fround;
    case 'float16': return (v) => halfToFloat(floatToHalf(v));
    case 'bfloat16': return (v) => bfloat16ToFloat(floatToBfloat16(v));
    default: return (v) => v;
  }
}

/**
 * The view's raw storage elements (16-bit floats as their bits) in row-major order: the buffer
 * itself when dense (read only!), else a copy. Copy-only kernels use this to keep bits exact.
 */
export function denseRaw(info: TensorInfo<HostArray>): HostArray {
  const n = numelOf(info.shape);
  if (isDense(info)) return info.storage.subarray(info.offset, info.offset + n) as HostArray;
  const out = allocLike(info.storage, n);
  const off = viewOffsets(info);
  for (let i = 0; i < n; i++) out[i] = info.storage[off[i]!]!;
  return out;
}

/** A fresh array of the same typed-array kind as `like`. */
export function allocLike(like: HostArray, n: number): HostArray {
  return new (like.constructor as new (n: number) => HostArray)(n);
}

/** The integer values of an index tensor (int64 travels as a Float64Array), row-major. */
export function indexValues(index: TensorInfo<HostArray>): NumArray {
  return gatherDense(index);
}
