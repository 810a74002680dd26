/** Equal on tfjs: a == b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Equal kernel definition. */
export const EqualDef = binary(K.Equal, (a, b) => tf.equal(a, b), { compare: true });
