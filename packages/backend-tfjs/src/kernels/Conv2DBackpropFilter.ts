/**
 * Conv2DBackpropFilter on tfjs: dW[o,c,i,j] = Σ x[n, c, y·s + i·d − p, ...] · dy[n, o, y, ...] is
 * itself a convolution, of the padded input seen as [C, H, W, N] by dy seen as the filter
 * [oh, ow, N, O], with the roles of stride and dilation swapped (tfjs's own backprop-filter
 * kernel is missing on wasm and has no dilation). float32 only.
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { float32Only } from './common.js';
import { conv2dValid, pair, splitGroups } from './conv.impl.js';

/** The Conv2DBackpropFilter kernel definition. */
export const Conv2DBackpropFilterDef: TfKernelDef = {
  name: K.Conv2DBackpropFilter,
  supports: (k) => float32Only(k),
  run(k) {
    const info = k.info('x');
    const [o, cg, kh, kw] = k.attrs['weightShape'] as [number, number, number, number];
    const s = pair(k.attrs, 'stride');
    const [ph, pw] = pair(k.attrs, 'padding');
    const d = pair(k.attrs, 'dilation');
    const groups = Number(k.attrs['groups'] ?? 1);
    let x = k.x('x');
    if (ph > 0 || pw > 0) x = tf.pad(x, [[0, 0], [0, 0], [ph, ph], [pw, pw]]);
    const img = tf.transpose(x, [1, 2, 3, 0]) as tf.Tensor4D; // [C, Hp, Wp, N]
    const filt = tf.transpose(k.x('dy'), [2, 3, 0, 1]) as tf.Tensor4D; // [oh, ow, N, O]
    const imgs = splitGroups(img, groups, 0);
    const filts = splitGroups(filt, groups, 3);
    const parts = imgs.map((ig, g) => {
      // Stride of the original becomes the dilation here, and its dilation the stride.
      const r = conv2dValid(ig as tf.Tensor4D, filts[g] as tf.Tensor4D, d, s); // [cg, ≥kh, ≥kw, og]
      return tf.transpose(tf.slice(r, [0, 0, 0, 0], [cg, kh, kw, o / groups]), [3, 0, 1, 2]);
    });
    return { t: parts.length === 1 ? parts[0]! : tf.concat(parts, 0), dtype: info.dtype };
  },
};
