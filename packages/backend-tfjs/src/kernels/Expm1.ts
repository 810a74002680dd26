/** Expm1 on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Expm1 kernel definition. */
export const Expm1Def = unary(K.Expm1, (x) => tf.expm1(x));
