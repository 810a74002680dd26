/** IsNan on tfjs → bool (always false for integers and bools). */
import * as tf from '@tensorflow/tfjs';
import { bool, kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';

/** The IsNan kernel definition. */
export const IsNanDef: TfKernelDef = {
  name: K.IsNan,
  run: (k) => {
    const x = k.x('x');
    return { t: k.info('x').dtype.is_floating_point ? tf.isNaN(x) : tf.zerosLike(x).cast('bool'), dtype: bool };
  },
};
