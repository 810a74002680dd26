/** IndexSelect on tfjs: PyTorch's torch.index_select(x, axis, index) as tf.gather along the axis. */
import * as tf from '@tensorflow/tfjs';
import { kernels as K } from '@nncompat/core';
import type { TfKernelDef } from '../kernel.js';
import { checkSelect, indexValues } from './indexing.impl.js';

/** The IndexSelect kernel definition (0-d inputs run on the reference backend). */
export const IndexSelectDef: TfKernelDef = {
  name: K.IndexSelect,
  supports: (k) => k.info('x').shape.length > 0,
  run(k) {
    const x = k.info('x');
    const axis = ((k.attrs['axis'] as number) + x.shape.length) % x.shape.length;
    const idx = indexValues(k);
    checkSelect(idx, x.shape[axis]!);
    return { t: tf.gather(k.x('x'), tf.tensor1d(idx, 'int32'), axis), dtype: x.dtype };
  },
};
