/**
 * Conv2D on tfjs (PyTorch's conv2d: stride, padding, dilation, groups, bias): NCHW input and
 * [O, C/g, kh, kw] weight are transposed to tfjs's NHWC / [kh, kw, C/g, O]; depthwise groups
 * use tf.depthwiseConv2d, other groups one tf.conv2d per group. float32 only.
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';
import { conv2dValid, padHW, pair, splitGroups, toNCHW, toNHWC } from './conv.impl.js';

/** The Conv2D kernel definition. */
export const Conv2DDef: TfKernelDef = {
  name: K.Conv2D,
  supports: (k) => float32Only(k),
  run(k) {
    const info = k.info('x');
    const [, c] = info.shape as [number, number];
    const wShape = k.info('weight').shape as [number, number, number, number];
    const o = wShape[0];
    const s = pair(k.attrs, 'stride');
    const [ph, pw] = pair(k.attrs, 'padding');
    const d = pair(k.attrs, 'dilation');
    const groups = Number(k.attrs['groups'] ?? 1);
    const x = padHW(toNHWC(k.x('x')), ph, ph, pw, pw);
    const w = k.x('weight');
    let y: tf.Tensor4D;
    if (groups > 1 && groups === c && wShape[1] === 1 && !((s[0] > 1 || s[1] > 1) && (d[0] > 1 || d[1] > 1))) {
      // Depthwise: output channel o = ci * mult + m, as PyTorch orders them.
      const mult = o / c;
      const f = tf.transpose(w.reshape([c, mult, wShape[2], wShape[3]]), [2, 3, 0, 1]) as tf.Tensor4D;
      y = tf.depthwiseConv2d(x, f, s, 'valid', 'NHWC', d);
    } else {
      const f = tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D;
      const xs = splitGroups(x, groups, 3);
      const fs = splitGroups(f, groups, 3);
      const parts = xs.map((xg, g) => conv2dValid(xg as tf.Tensor4D, fs[g] as tf.Tensor4D, s, d));
      y = parts.length === 1 ? parts[0]! : (tf.concat(parts, 3) as tf.Tensor4D);
    }
    if (k.args.inputs['bias']) y = tf.add(y, k.x('bias').reshape([1, 1, 1, o]));
    return { t: toNCHW(y), dtype: info.dtype };
  },
};
