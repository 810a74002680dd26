/** Relu on tfjs (NaN stays NaN; integers too). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Relu kernel definition. */
export const ReluDef = unary(K.Relu, (x, d) => (d.is_floating_point ? tf.relu(x) : tf.maximum(x, 0)), false);
