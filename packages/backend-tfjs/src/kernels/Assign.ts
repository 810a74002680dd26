/**
 * Assign on tfjs, the one in-place kernel: builds the buffer's new contents (src broadcast and
 * converted to dst's dtype, written into dst's view) and swaps it into the holder that every
 * view shares, disposing the old tensor. Dense ranges use slices + concat, other views one
 * tensorScatterUpdate over host-computed positions.
 */
import * as tf from '@tensorflow/tfjs';
import { isDenseView, kernels as K, type TensorInfo } from '@nncompat/core';
import type { TfjsBuffer } from '../buffer.js';
import { tfDtype, wrapNarrow } from '../dtypes.js';
import type { TfKernelDef } from '../kernel.js';
import { materialize, viewPositions } from '../view.js';
import { asBool, numel, toShape } from './common.js';

/** The Assign kernel definition. */
export const AssignDef: TfKernelDef = {
  name: K.Assign,
  run(k) {
    const dst = k.info('dst') as TensorInfo<TfjsBuffer>;
    const n = numel(dst.shape);
    if (n === 0) return;
    const holder = dst.storage;
    let v = toShape(materialize(k.info('src'), { keepBroadcast: true }), dst.shape);
    if (k.info('src').dtype !== dst.dtype) {
      v = dst.dtype.name === 'bool' ? asBool(v) : wrapNarrow(tf.cast(v, tfDtype(dst.dtype)), dst.dtype);
    }
    v = v.reshape([n]);
    const old = holder.tf.rank === 1 ? holder.tf : holder.tf.reshape([holder.size]);
    let next: tf.Tensor;
    if (isDenseView(dst)) {
      const parts: tf.Tensor[] = [];
      if (dst.offset > 0) parts.push(tf.slice(old, [0], [dst.offset]));
      parts.push(v);
      if (dst.offset + n < holder.size) parts.push(tf.slice(old, [dst.offset + n], [holder.size - dst.offset - n]));
      next = parts.length === 1 ? v : tf.concat(parts);
    } else {
      const pos = viewPositions(dst);
      next = tf.tensorScatterUpdate(old, tf.tensor2d(pos, [n, 1], 'int32'), v);
    }
    // Kept out of the kernel's tf.tidy: it becomes the buffer's tensor.
    holder.swap(tf.keep(next === holder.tf ? tf.clone(next) : next));
  },
};
