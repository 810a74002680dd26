/** Reciprocal on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Reciprocal kernel definition. */
export const ReciprocalDef = unary(K.Reciprocal, (x) => tf.reciprocal(x));
