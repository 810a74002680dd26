/** Add on tfjs: a + b (narrow integers wrap as in PyTorch). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Add kernel definition. */
export const AddDef = binary(K.Add, (a, b) => tf.add(a, b), { wrap: true, int64Bound: (k, m) => m('a') + m('b') });
