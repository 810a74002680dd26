/** Mul on tfjs: a * b (narrow integers wrap as in PyTorch). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Mul kernel definition. */
export const MulDef = binary(K.Mul, (a, b) => tf.mul(a, b), { wrap: true, int64Bound: (k, m) => m('a') * m('b') });
