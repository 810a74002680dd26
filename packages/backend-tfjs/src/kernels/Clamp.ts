/**
 * Clamp on tfjs: min(max(x, lo), hi) with NaN kept (tfjs's wasm clipByValue maps NaN to the
 * lower bound, so maximum/minimum and an explicit NaN rule are used).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { wrapNarrow } from '../dtypes.js';
import { unary } from './common.js';

/** The Clamp kernel definition. */
export const ClampDef = unary(K.Clamp, (x, d, k) => {
  const lo = k.attrs['min'] as number | null;
  const hi = k.attrs['max'] as number | null;
  const scalar = (v: number): tf.Tensor => tf.scalar(v, x.dtype as 'float32' | 'int32');
  let r = x;
  if (lo !== null) r = tf.maximum(r, scalar(lo));
  if (hi !== null) r = tf.minimum(r, scalar(hi));
  return d.is_floating_point ? tf.where(tf.isNaN(x), x, r) : wrapNarrow(r, d);
}, false);
