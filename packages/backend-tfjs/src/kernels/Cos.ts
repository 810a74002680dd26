/** Cos on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Cos kernel definition. */
export const CosDef = unary(K.Cos, (x) => tf.cos(x));
