/** FloorDiv on tfjs: floor(a / b); integer zero divisors raise. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, checkNonZero } from './common.js';

/** The FloorDiv kernel definition. */
export const FloorDivDef = binary(K.FloorDiv, (a, b, d) => {
  if (d.is_floating_point) return tf.floor(tf.div(a, b));
  checkNonZero(b);
  return tf.floorDiv(a, b);
}, { wrap: true });
