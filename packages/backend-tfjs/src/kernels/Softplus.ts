/** Softplus on tfjs with PyTorch's beta and threshold (linear above threshold). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Softplus kernel definition. */
export const SoftplusDef = unary(K.Softplus, (x, _d, k) => {
  const beta = Number(k.attrs['beta']);
  const threshold = Number(k.attrs['threshold']);
  const bx = tf.mul(x, beta);
  return tf.where(tf.greater(bx, threshold), x, tf.div(tf.log1p(tf.exp(bx)), beta));
});
