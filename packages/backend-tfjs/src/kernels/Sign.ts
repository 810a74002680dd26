/** Sign on tfjs; tfjs maps NaN to 0, PyTorch keeps NaN, so NaN is restored. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Sign kernel definition. */
export const SignDef = unary(K.Sign, (x, d) => (d.is_floating_point ? tf.where(tf.isNaN(x), x, tf.sign(x)) : tf.sign(x)), false);
