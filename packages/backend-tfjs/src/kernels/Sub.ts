/** Sub on tfjs: a - b (narrow integers wrap as in PyTorch). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Sub kernel definition. */
export const SubDef = binary(K.Sub, (a, b) => tf.sub(a, b), { wrap: true, int64Bound: (k, m) => m('a') + m('b') });
