/** Remainder on tfjs: Python's modulo (the result takes the divisor's sign); integer zero divisors raise. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, checkNonZero } from './common.js';

/** The Remainder kernel definition (tf.mod is already a floor modulo). */
export const RemainderDef = binary(K.Remainder, (a, b, d) => {
  if (!d.is_floating_point) checkNonZero(b);
  return tf.mod(a, b);
});
