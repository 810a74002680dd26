/**
 * Kernel inputs as gpu.js arguments. A strided view is passed as the window of its storage it
 * can reach (a zero-copy `subarray` starting at its offset), so kernels index it with the
 * view's strides baked into their source and the offset is always 0.
 */
import { isContiguousLayout, type HostArray, type TensorInfo } from '@nncompat/core';

/** Elements one view reaches, from its offset: 1 + Σ (size - 1) · stride (0 when empty). */
export function spanOf(shape: readonly number[], strides: readonly number[]): number {
  let s = 1;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return 0;
    s += (shape[i]! - 1) * strides[i]!;
  }
  return s;
}

/** The window of a float32 view's storage that its strides index into (no copy). */
export function windowOf(info: TensorInfo<HostArray>): Float32Array {
  const data = info.storage as Float32Array;
  return data.subarray(info.offset, info.offset + spanOf(info.shape, info.strides));
}

/** Strides of `shape`, right-aligned against `outShape`, with 0 where the view is broadcast. */
export function broadcastStridesOf(shape: readonly number[], strides: readonly number[], outShape: readonly number[]): number[] {
  const k = outShape.length - shape.length;
  return outShape.map((_, j) => (j < k || shape[j - k] === 1 ? 0 : strides[j - k]!));
}

/**
 * A dense copy of a float32 view in the dimension order `order` (a permutation of its axes):
 * kernels that want a packed operand (matmul's transposed right side, conv's input) get one
 * without strided reads in their inner loop. Returns the window itself when already packed.
 */
export function packed(info: TensorInfo<HostArray>, order: readonly number[]): Float32Array {
  const shape = order.map((a) => info.shape[a]!);
  const strides = order.map((a) => info.strides[a]!);
  const src = info.storage as Float32Array;
  let n = 1;
  for (const d of shape) n *= d;
  if (isContiguousLayout(shape, strides)) return src.subarray(info.offset, info.offset + n);
  const out = new Float32Array(n);
  const nd = shape.length;
  if (n === 0) return out;
  // Innermost dimension in a tight loop; outer dimensions by an odometer.
  const inner = shape[nd - 1]!;
  const st = strides[nd - 1]!;
  const idx = new Array<number>(nd).fill(0);
  let base = info.offset;
  let p = 0;
  for (;;) {
    for (let j = 0, o = base; j < inner; j++, o += st) out[p++] = src[o]!;
    let d = nd - 2;
    while (d >= 0) {
      idx[d]!++;
      base += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      idx[d] = 0;
      d--;
    }
    if (d < 0) return out;
  }
}
