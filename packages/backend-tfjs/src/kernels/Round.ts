/** Round on tfjs (float32; other dtypes run on the reference backend) (round half to even, as torch.round). */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import { unary } from './common.js';

/** The Round kernel definition. */
export const RoundDef = unary(K.Round, (x) => tf.round(x));
