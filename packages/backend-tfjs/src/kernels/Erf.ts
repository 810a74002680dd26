/** Erf on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Erf kernel definition. */
export const ErfDef = unary(K.Erf, (x) => tf.erf(x));
