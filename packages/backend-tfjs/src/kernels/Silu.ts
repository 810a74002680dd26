/** Silu on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Silu kernel definition. */
export const SiluDef = unary(K.Silu, (x) => tf.mul(x, tf.sigmoid(x)));
