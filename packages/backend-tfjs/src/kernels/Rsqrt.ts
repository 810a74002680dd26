/** Rsqrt on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Rsqrt kernel definition. */
export const RsqrtDef = unary(K.Rsqrt, (x) => tf.rsqrt(x));
