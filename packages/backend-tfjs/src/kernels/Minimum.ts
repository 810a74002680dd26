/** Minimum on tfjs: Elementwise minimum; a NaN operand gives NaN, as in PyTorch (tfjs alone does not). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, nanPropagate } from './common.js';

/** The Minimum kernel definition. */
export const MinimumDef = binary(K.Minimum, (a, b, d) => (d.is_floating_point ? nanPropagate(tf.minimum(a, b), a, b) : tf.minimum(a, b)));
