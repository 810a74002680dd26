/** Div on tfjs: true division for floats; integers truncate toward zero and raise on a zero divisor. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, checkNonZero } from './common.js';

/** The Div kernel definition. */
export const DivDef = binary(K.Div, (a, b, d) => {
  if (d.is_floating_point) return tf.div(a, b);
  checkNonZero(b);
  const q = tf.floorDiv(a, b);
  const inexact = tf.notEqual(tf.sub(a, tf.mul(q, b)), 0);
  const negative = tf.logicalXor(tf.less(a, 0), tf.less(b, 0));
  return tf.add(q, tf.cast(tf.logicalAnd(inexact, negative), 'int32'));
});
