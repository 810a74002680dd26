/**
 * Materializes a strided view (shape, strides, offset over a flat tfjs buffer) as a tfjs tensor
 * of the view's shape, with as little copying as tfjs allows: a reshape for dense views, a
 * slice for dense ranges, pad+reshape+slice+transpose for any "box" view (permutations, slices,
 * steps), and a gather over host-computed flat indices only for overlapping or irregular views.
 */
import * as tf from '@tensorflow/tfjs';
import { isDenseView, type TensorInfo } from '@nncompat/core';
import type { TfjsBuffer } from './buffer.js';
import { tfDtype } from './dtypes.js';

const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** Options of `materialize`. */
export interface MaterializeOptions {
  /**
   * Leave broadcast (stride-0) dimensions at size 1 instead of expanding them: for callers whose
   * tfjs op broadcasts by itself (elementwise ops), which saves the copy.
   */
  readonly keepBroadcast?: boolean;
}

/** The view `info` as a tfjs tensor of `info.shape` (call inside `tf.tidy`). */
export function materialize(info: TensorInfo<TfjsBuffer>, opts: MaterializeOptions = {}): tf.Tensor {
  const shape = info.shape;
  const n = numel(shape);
  const stored = info.storage.tf;
  if (n === 0) return tf.zeros(shape as number[], tfDtype(info.dtype));
  // Fast path: the whole buffer, dense, already in the view's shape (results keep their shape).
  if (info.offset === 0 && n === info.storage.size && isDenseView(info)) {
    return sameShape(stored.shape, shape) ? stored : stored.reshape(shape as number[]);
  }
  const flat = stored.rank === 1 ? stored : stored.reshape([info.storage.size]);
  // Kept dimensions (size > 1, stride > 0) and broadcast ones (size > 1, stride 0).
  const kept: number[] = [];
  let broadcast = false;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d]! === 1) continue;
    if (info.strides[d] === 0) broadcast = true;
    else kept.push(d);
  }
  const reducedShape = shape.map((s, d) => (s !== 1 && info.strides[d] === 0 ? 1 : s));
  let t = boxView(flat, info, kept);
  if (!t) t = gatherView(flat, info, reducedShape);
  t = t.reshape(reducedShape as number[]);
  if (broadcast && !opts.keepBroadcast) t = tf.broadcastTo(t, shape as number[]);
  return t;
}

/**
 * A view whose kept dimensions, ordered by decreasing stride, nest without overlap and with
 * each stride a multiple of the next (permutations, slices, steps): pads the flat buffer to a
 * box, reshapes, slices the box and transposes. Null when the view is not of that kind.
 */
function boxView(flat: tf.Tensor, info: TensorInfo<TfjsBuffer>, kept: readonly number[]): tf.Tensor | null {
  const order = [...kept].sort((a, b) => info.strides[b]! - info.strides[a]!);
  const st = order.map((d) => info.strides[d]!);
  const sz = order.map((d) => info.shape[d]!);
  const k = order.length;
  if (k === 0) return tf.slice(flat, [info.offset], [1]);
  for (let j = 1; j < k; j++) {
    if (st[j - 1]! % st[j]! !== 0 || st[j - 1]! / st[j]! < sz[j]!) return null;
  }
  // Box [sz0, st0/st1, ..., st(k-2)/st(k-1), st(k-1)]: element strides st0, st1, ..., 1.
  const box = [sz[0]!];
  for (let j = 1; j < k; j++) box.push(st[j - 1]! / st[j]!);
  box.push(st[k - 1]!);
  const total = sz[0]! * st[0]!;
  const size = info.storage.size;
  const tight = (sz[0]! - 1) * st[0]! + 1 + sz.slice(1).reduce((a, s, j) => a + (s - 1) * st[j + 1]!, 0);
  if (info.offset + tight > size) return null;
  let base: tf.Tensor;
  if (info.offset === 0 && total === size) base = flat;
  else if (info.offset + total <= size) base = tf.slice(flat, [info.offset], [total]);
  else {
    const avail = size - info.offset;
    base = tf.concat([tf.slice(flat, [info.offset], [avail]), tf.zeros([total - avail], flat.dtype)]);
  }
  base = base.reshape(box);
  const needSlice = box.some((b, j) => (j < k ? b !== sz[j] : b !== 1));
  if (needSlice) base = tf.slice(base, box.map(() => 0), [...sz, 1]);
  base = base.reshape(sz);
  // Axis j of `base` is view dimension order[j]; put the view's dimensions back in their order.
  const perm = [...kept].map((d) => order.indexOf(d));
  if (perm.some((p, i) => p !== i)) base = tf.transpose(base, perm);
  return base;
}

/** Any other view: one gather over flat indices computed on the host. */
function gatherView(flat: tf.Tensor, info: TensorInfo<TfjsBuffer>, reducedShape: readonly number[]): tf.Tensor {
  const n = numel(reducedShape);
  const idx = new Int32Array(n);
  const nd = reducedShape.length;
  const pos = new Array<number>(nd).fill(0);
  let off = info.offset;
  for (let i = 0; i < n; i++) {
    idx[i] = off;
    for (let d = nd - 1; d >= 0; d--) {
      if (reducedShape[d] === 1) continue;
      pos[d]!++;
      off += info.strides[d]!;
      if (pos[d]! < reducedShape[d]!) break;
      off -= info.strides[d]! * reducedShape[d]!;
      pos[d] = 0;
    }
  }
  return tf.gather(flat, tf.tensor1d(idx, 'int32'));
}

/** Flat storage positions of a view, in row-major order (for scatters into a buffer). */
export function viewPositions(info: TensorInfo<TfjsBuffer>): Int32Array {
  const shape = info.shape;
  const n = numel(shape);
  const idx = new Int32Array(n);
  const nd = shape.length;
  const pos = new Array<number>(nd).fill(0);
  let off = info.offset;
  for (let i = 0; i < n; i++) {
    idx[i] = off;
    for (let d = nd - 1; d >= 0; d--) {
      pos[d]!++;
      off += info.strides[d]!;
      if (pos[d]! < shape[d]!) break;
      off -= info.strides[d]! * shape[d]!;
      pos[d] = 0;
    }
  }
  return idx;
}
