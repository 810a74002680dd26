/** Log1p on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Log1p kernel definition. */
export const Log1pDef = unary(K.Log1p, (x) => tf.log1p(x));
