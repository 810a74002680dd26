/** LeakyRelu on tfjs: x > 0 ? x : x * negativeSlope. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The LeakyRelu kernel definition. */
export const LeakyReluDef = unary(K.LeakyRelu, (x, _d, k) => tf.where(tf.greater(x, 0), x, tf.mul(x, Number(k.attrs['negativeSlope']))));
