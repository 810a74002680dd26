/** Maximum on tfjs: Elementwise maximum; a NaN operand gives NaN, as in PyTorch (tfjs alone does not). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { binary, nanPropagate } from './common.js';

/** The Maximum kernel definition. */
export const MaximumDef = binary(K.Maximum, (a, b, d) => (d.is_floating_point ? nanPropagate(tf.maximum(a, b), a, b) : tf.maximum(a, b)));
