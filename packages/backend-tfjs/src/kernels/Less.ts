/** Less on tfjs: a < b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Less kernel definition. */
export const LessDef = binary(K.Less, (a, b) => tf.less(a, b), { compare: true });
