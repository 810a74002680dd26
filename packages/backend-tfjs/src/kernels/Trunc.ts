/** Trunc on tfjs: toward zero (identity for integers). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Trunc kernel definition. */
export const TruncDef = unary(K.Trunc, (x, d) => (d.is_floating_point ? tf.where(tf.less(x, 0), tf.ceil(x), tf.floor(x)) : x), false);
