/**
 * AvgPool2DBackward on tfjs: each output gradient divided by its window's divisor is spread over
 * the window, i.e. a transposed convolution of dy/divisor with a ones filter on the padded plane,
 * cropped back to the input. float32 only.
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { avgDivisors, poolPlanes, poolSupports } from './pool.impl.js';

/** The AvgPool2DBackward kernel definition. */
export const AvgPool2DBackwardDef: TfKernelDef = {
  name: K.AvgPool2DBackward,
  supports: poolSupports('dy'),
  run(k) {
    const info = k.info('x');
    const { g, planes } = poolPlanes(k.attrs, info.shape);
    const div = tf.tensor(avgDivisors(g, k.attrs['countIncludePad'] !== false, (k.attrs['divisorOverride'] as number | null) ?? null), [1, g.oh, g.ow, 1]);
    const dy = tf.div(k.x('dy').reshape([planes, g.oh, g.ow, 1]), div) as tf.Tensor4D;
    const fullH = (g.oh - 1) * g.sh + g.kh;
    const fullW = (g.ow - 1) * g.sw + g.kw;
    let dx = tf.conv2dTranspose(dy, tf.ones([g.kh, g.kw, 1, 1]) as tf.Tensor4D, [planes, fullH, fullW, 1], [g.sh, g.sw], 'valid');
    const extraH = Math.max(0, g.ph + g.h - fullH);
    const extraW = Math.max(0, g.pw + g.w - fullW);
    if (extraH > 0 || extraW > 0) dx = tf.pad(dx, [[0, 0], [0, extraH], [0, extraW], [0, 0]]);
    return { t: tf.slice(dx, [0, g.ph, g.pw, 0], [planes, g.h, g.w, 1]).reshape(info.shape as number[]), dtype: info.dtype };
  },
};
