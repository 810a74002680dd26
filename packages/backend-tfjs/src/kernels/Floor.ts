/** Floor on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Floor kernel definition. */
export const FloorDef = unary(K.Floor, (x) => tf.floor(x));
