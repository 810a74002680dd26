/** LessEqual on tfjs: a <= b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The LessEqual kernel definition. */
export const LessEqualDef = binary(K.LessEqual, (a, b) => tf.lessEqual(a, b), { compare: true });
