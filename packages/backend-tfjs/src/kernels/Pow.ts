/** Pow on tfjs; integer bases with a negative integer exponent raise PyTorch's error. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K, RuntimeError } from '@nncompat/core';
import { anyTrue, binary } from './common.js';

/** The Pow kernel definition. */
export const PowDef = binary(
  K.Pow,
  (a, b, d) => {
    if (!d.is_floating_point && anyTrue(tf.less(b, 0))) {
      throw new RuntimeError('Integers to negative integer powers are not allowed.');
    }
    return tf.pow(a, b);
  },
  { wrap: true, int64Bound: (_k, m) => Math.pow(Math.max(m('a'), 1), m('b')) },
);
