/** Greater on tfjs: a > b → bool. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Greater kernel definition. */
export const GreaterDef = binary(K.Greater, (a, b) => tf.greater(a, b), { compare: true });
