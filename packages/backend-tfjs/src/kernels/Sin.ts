/** Sin on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Sin kernel definition. */
export const SinDef = unary(K.Sin, (x) => tf.sin(x));
