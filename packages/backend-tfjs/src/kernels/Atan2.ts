/** Atan2 on tfjs: atan2(a, b). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary } from './common.js';

/** The Atan2 kernel definition. */
export const Atan2Def = binary(K.Atan2, (a, b) => tf.atan2(a, b));
