/**
 * Cast on tfjs with PyTorch's conversions: float → int truncates toward zero, narrow integers
 * wrap, anything → bool is "non-zero". Casts to host-held dtypes (float64, 16-bit floats) run on
 * the reference backend; float → int64 beyond int32 too (exact there).
 */
import * as tf from '@tensorflow/tfjs';
import { kernels as K, type DType } from '@nncompat/core';
import { wrapNarrow } from '../dtypes.js';
import type { TfKernelDef } from '../kernel.js';
import { asBool } from './common.js';

/** The Cast kernel definition. */
export const CastDef: TfKernelDef = {
  name: K.Cast,
  int64Bound: (_k, m) => m('x'),
  run(k) {
    const to = k.attrs['dtype'] as DType;
    const x = k.x('x');
    if (to.name === 'bool') return { t: asBool(x), dtype: to };
    if (to.is_floating_point) return { t: tf.cast(x, 'float32'), dtype: to };
    // tfjs's float → int32 cast truncates toward zero, as C (and PyTorch) do.
    return { t: wrapNarrow(tf.cast(x, 'int32'), to), dtype: to };
  },
};
