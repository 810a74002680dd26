/** Gelu on tfjs, both forms: erf ('none') and PyTorch's tanh approximation ('tanh'). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

const K0 = Math.sqrt(2 / Math.PI);

/** The Gelu kernel definition. */
export const GeluDef = unary(K.Gelu, (x, _d, k) => {
  if (k.attrs['approximate'] === 'tanh') {
    const inner = tf.mul(K0, tf.add(x, tf.mul(0.044715, tf.mul(x, tf.mul(x, x)))));
    return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
  }
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
});
