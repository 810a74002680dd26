/** Log on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Log kernel definition. */
export const LogDef = unary(K.Log, (x) => tf.log(x));
