/** Ceil on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Ceil kernel definition. */
export const CeilDef = unary(K.Ceil, (x) => tf.ceil(x));
