/**
 * AvgPool2D on tfjs with ATen's divisors: window sums by a ones-filter convolution over the
 * zero-padded planes (planes as a batch of one-channel images), divided by the per-window
 * divisor table (count_include_pad, divisor_override, ceil_mode). float32 only.
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { avgDivisors, poolPlanes, poolSupports, trailingPad } from './pool.impl.js';

/** The AvgPool2D kernel definition. */
export const AvgPool2DDef: TfKernelDef = {
  name: K.AvgPool2D,
  supports: poolSupports(),
  run(k) {
    const info = k.info('x');
    const { g, lead, planes } = poolPlanes(k.attrs, info.shape);
    const [bh, bw] = trailingPad(g);
    const x = tf.pad(k.x('x').reshape([planes, g.h, g.w, 1]), [[0, 0], [g.ph, bh], [g.pw, bw], [0, 0]]) as tf.Tensor4D;
    const sums = tf.conv2d(x, tf.ones([g.kh, g.kw, 1, 1]) as tf.Tensor4D, [g.sh, g.sw], 'valid');
    const cropped = tf.slice(sums, [0, 0, 0, 0], [planes, g.oh, g.ow, 1]).reshape([planes, g.oh, g.ow]);
    const div = tf.tensor(avgDivisors(g, k.attrs['countIncludePad'] !== false, (k.attrs['divisorOverride'] as number | null) ?? null), [1, g.oh, g.ow]);
    return { t: tf.div(cropped, div).reshape([...lead, g.oh, g.ow]), dtype: info.dtype };
  },
};
