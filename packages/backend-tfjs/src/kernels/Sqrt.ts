/** Sqrt on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Sqrt kernel definition. */
export const SqrtDef = unary(K.Sqrt, (x) => tf.sqrt(x));
