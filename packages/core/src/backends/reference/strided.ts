/**
 * Helpers every reference kernel uses: numeric views of buffers (16-bit floats decoded),
 * output buffers (16-bit floats encoded at the end), and strided index walks.
 */
import type { KernelResult, TensorInfo } from '../../backend/types.js';
import { allocHostArray, type DType, type HostArray } from '../../dtype.js';
import { bfloat16ToFloat, floatToBfloat16, floatToHalf, halfToFloat } from '../../half.js';
import { isDenseView as isDense, numelOf } from '../../shape.js';

/** Numbers readable by index. */
export type NumArray = Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Int32Array | Uint16Array;

const decodeCache = new WeakMap<HostArray, Float32Array>();

/**
 * The buffer's values as numbers. 16-bit float buffers are decoded once into a Float32Array
 * (cached per buffer, and invalidated by `markWritten` after in-place writes).
 */
export function values(info: TensorInfo): NumArray {
  const s = info.storage as HostArray;
  const n = info.dtype.name;
  if (n !== 'float16' && n !== 'bfloat16') return s;
  let d = decodeCache.get(s);
  if (!d) {
    d = new Float32Array(s.length);
    const f = n === 'float16' ? halfToFloat : bfloat16ToFloat;
    for (let i = 0; i < s.length; i++) d[i] = f(s[i]!);
    decodeCache.set(s, d);
  }
  return d;
}

/** Forgets a decoded copy after the buffer was written in place. */
export function markWritten(buf: HostArray): void {
  decodeCache.delete(buf);
}

/** The array kernels write numbers into, for an output of `dtype`. */
export function computeArray(dtype: DType, n: number): NumArray {
  return dtype.name === 'float16' || dtype.name === 'bfloat16' ? new Float32Array(n) : (allocHostArray(dtype, n) as NumArray);
}

/** Converts a compute array into the canonical buffer of `dtype` (encodes 16-bit floats, clamps bools). */
export function finish(dtype: DType, data: NumArray, shape: readonly number[]): KernelResult<HostArray> {
  let out: HostArray = data as HostArray;
  if (dtype.name === 'float16' || dtype.name === 'bfloat16') {
    const enc = dtype.name === 'float16' ? floatToHalf : floatToBfloat16;
    const u = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) u[i] = enc(data[i]!);
    out = u;
  }
  return { storage: out, dtype, shape };
}

/** True when the view reads `numel` consecutive elements starting at its offset (core's `isDenseView`). */
export { isDense };

/**
 * Element offsets of a view walked in row-major order over `outShape` (with 0 strides where the
 * view is broadcast). Returned as an Int32Array; kernels with dense inputs skip this.
 */
export function offsets(shape: readonly number[], strides: readonly number[], offset: number, outShape: readonly number[]): Int32Array {
  const nd = outShape.length;
  const st = new Array<number>(nd).fill(0);
  const k = nd - shape.length;
  for (let i = 0; i < shape.length; i++) st[i + k] = shape[i] === 1 ? 0 : strides[i]!;
  const n = numelOf(outShape);
  const r = new Int32Array(n);
  if (n === 0) return r;
  if (nd === 0) {
    r[0] = offset;
    return r;
  }
  // Innermost dimension in a tight loop; outer dimensions by an odometer.
  const inner = outShape[nd - 1]!;
  const innerStride = st[nd - 1]!;
  const idx = new Array<number>(nd).fill(0);
  let base = offset;
  let p = 0;
  while (p < n) {
    let o = base;
    for (let j = 0; j < inner; j++) {
      r[p++] = o;
      o += innerStride;
    }
    let d = nd - 2;
    while (d >= 0) {
      idx[d]!++;
      base += st[d]!;
      if (idx[d]! < outShape[d]!) break;
      base -= st[d]! * outShape[d]!;
      idx[d] = 0;
      d--;
    }
    if (d < 0) break;
  }
  return r;
}

/** Offsets of a view over its own shape (no broadcasting). */
export function viewOffsets(info: TensorInfo): Int32Array {
  return offsets(info.shape, info.strides, info.offset, info.shape);
}

/** Reads a view into a dense compute array (a copy). */
export function gatherDense(info: TensorInfo): NumArray {
  const src = values(info);
  const n = numelOf(info.shape);
  if (isDense(info)) return src.subarray(info.offset, info.offset + n) as NumArray;
  const out = new (src.constructor as new (n: number) => NumArray)(n);
  const off = viewOffsets(info);
  for (let i = 0; i < n; i++) out[i] = src[off[i]!]!;
  return out;
}
