/**
 * MaxPool2D on tfjs with PyTorch's int64 indices (flat h·W + w in each plane): every window's
 * taps are gathered from the plane (padding reads a -inf sentinel), then max/argMax run over the
 * taps. ATen's rules hold: the first maximum wins ties, the last NaN wins, a window of only -inf
 * reports its first in-bounds position. (tf.maxPoolWithArgmax has no explicit padding or
 * dilation and counts channels in its indices.) float32 only.
 */
import * as tf from '@tensorflow/tfjs';
import { int64, kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';
import { maxPoolTables, poolGeometry } from './pool.impl.js';

/** The MaxPool2D kernel definition. */
export const MaxPool2DDef: TfKernelDef = {
  name: K.MaxPool2D,
  supports: (k) => float32Only(k) && k.info('x').shape.every((d) => d > 0),
  run(k) {
    const info = k.info('x');
    const nd = info.shape.length;
    const g = poolGeometry(k.attrs, info.shape[nd - 2]!, info.shape[nd - 1]!);
    const planes = info.shape.slice(0, nd - 2).reduce((a, b) => a * b, 1);
    const kk = g.kh * g.kw;
    const o = g.oh * g.ow;
    const { taps, report } = maxPoolTables(g);
    const x = tf.concat([k.x('x').reshape([planes, g.h * g.w]), tf.fill([planes, 1], -Infinity)], 1);
    const win = tf.gather(x, tf.tensor1d(taps, 'int32'), 1).reshape([planes, o, kk]);
    const nan = tf.isNaN(win);
    const hasNan = tf.any(nan, 2);
    const lastNan = tf.sub(tf.scalar(kk - 1, 'int32'), tf.argMax(tf.reverse(tf.cast(nan, 'int32'), 2), 2));
    const tap = tf.where(hasNan, lastNan, tf.argMax(win, 2));
    const values = tf.where(hasNan, tf.fill([planes, o], NaN), tf.max(win, 2));
    const at = tf.add(tap, tf.mul(tf.range(0, o, 1, 'int32'), tf.scalar(kk, 'int32')).reshape([1, o]));
    const indices = tf.gather(tf.tensor1d(report, 'int32'), at.reshape([-1]));
    const shape = [...info.shape.slice(0, nd - 2), g.oh, g.ow];
    return [
      { t: values.reshape(shape), dtype: info.dtype },
      { t: indices.reshape(shape), dtype: int64 },
    ];
  },
};
