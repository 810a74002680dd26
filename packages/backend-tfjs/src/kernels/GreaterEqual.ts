/** GreaterEqual on tfjs: a >= b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The GreaterEqual kernel definition. */
export const GreaterEqualDef = binary(K.GreaterEqual, (a, b) => tf.greaterEqual(a, b), { compare: true });
