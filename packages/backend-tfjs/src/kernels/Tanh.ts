/** Tanh on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Tanh kernel definition. */
export const TanhDef = unary(K.Tanh, (x) => tf.tanh(x));
