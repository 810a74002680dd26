/** Sigmoid on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Sigmoid kernel definition. */
export const SigmoidDef = unary(K.Sigmoid, (x) => tf.sigmoid(x));
