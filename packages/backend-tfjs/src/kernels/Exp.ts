/** Exp on tfjs (float32; other dtypes run on the reference backend). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Exp kernel definition. */
export const ExpDef = unary(K.Exp, (x) => tf.exp(x));
