/** NotEqual on tfjs: a != b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The NotEqual kernel definition. */
export const NotEqualDef = binary(K.NotEqual, (a, b) => tf.notEqual(a, b), { compare: true });
